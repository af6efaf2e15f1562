package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fake devices inside the simulated fleet push one candidate through the real estimation and selection. */
class AttackSimulationTest extends SparkTestBase {
  @TempDir
  Path dir;

  @Test
  void fivePercentOfFakeDevicesGetTheirTargetSelectedAndStayOutOfTheTruth() throws Exception {
    String warehouse = dir.resolve("w").toString();
    Outcome o = run(new CurateJob(), "--warehouse", warehouse, "--campaign", "a", "--population",
        tinyPopulation(dir).toString(), "--candidates", "100", "--rounds", "2", "--epsilon", "2",
        "--oracle", "OLH", "--fake-share", "0.05", "--skip-classifier");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    List<Row> rounds = spark.read().parquet(warehouse + "/metrics").where("variant = 'curated' and round > 0")
        .orderBy("round").collectAsList();
    assertEquals(2, rounds.size());
    for (Row r : rounds) {
      assertNotNull(r.getAs("attack_target"));
      assertTrue(r.<Boolean>getAs("attack_target_selected"), "selected in round " + r.getAs("round"));
    }
    assertTrue(o.stdout().contains("attack target"), o.stdout());
    // The truth counts honest devices only: about 95% of 20,000, never the fakes.
    long honest = spark.read().parquet(warehouse + "/truth").where("round = 1")
        .agg(functions.sum("true_count")).first().getLong(0);
    assertTrue(honest > 18_500 && honest < 19_500, "honest votes " + honest);
    long reports = spark.read().parquet(warehouse + "/reports/campaign=a/ds=2026-01-01").count();
    assertEquals(20_000, reports, "fake devices report too");
  }

  @Test
  void inAttestedRoundsOnlyTheFarmsTokensGetThroughAndTheyStillPush() throws Exception {
    String warehouse = dir.resolve("t").toString();
    // About half of the 5% fakes hold a token (a farm of 500): the others' uploads are refused.
    Outcome o = run(new CurateJob(), "--warehouse", warehouse, "--campaign", "farm", "--population",
        tinyPopulation(dir).toString(), "--candidates", "100", "--rounds", "1", "--epsilon", "2",
        "--oracle", "OLH", "--fake-share", "0.05", "--fake-attested", "500", "--skip-classifier");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    Row r = spark.read().parquet(warehouse + "/metrics").where("variant = 'curated' and round = 1").first();
    long attested = r.<Long>getAs("fake_uploads_attested");
    long refused = r.<Long>getAs("fake_uploads_refused");
    assertTrue(attested > 400 && attested < 600, "about 500 fakes hold a token: " + attested);
    assertTrue(attested + refused > 850 && attested + refused < 1_150, "about 5% of 20,000 are fake");
    long reports = spark.read().parquet(warehouse + "/reports/campaign=farm/ds=2026-01-01").count();
    assertEquals(20_000, reports + refused, "every device uploaded once: accepted or refused");
    // 500 reports under their tokens' randomness are worth about 1,100 honest holders: still selected.
    assertTrue(r.<Boolean>getAs("attack_target_selected"), o.stdout());
    String config = java.nio.file.Files.readString(Path.of(warehouse, "configs", "campaign=farm",
        "ds=2026-01-01.properties"));
    assertTrue(config.contains("token.required=true"), config);
    assertTrue(o.stdout().contains("refused without one"), o.stdout());
  }
}
