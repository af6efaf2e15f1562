package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention deletes exactly the expired report and quarantine partitions whose dates were ranked. */
class RetentionTest extends SparkTestBase {
  @TempDir
  Path dir;

  private String[] args(String ds) throws Exception {
    return new String[] {"--warehouse", dir.resolve("wh").toString(), "--campaign", "r", "--population",
        tinyPopulation(dir).toString(), "--candidates", "30", "--oracle", "GRR", "--devices", "3000", "--ds", ds};
  }

  private Path partition(String table, String ds) {
    return dir.resolve("wh").resolve(table).resolve("campaign=r").resolve("ds=" + ds);
  }

  @Test
  void expiredRankedDatesLoseTheirReportsAndNothingElseDoes() throws Exception {
    Path policy = Files.writeString(dir.resolve("policy.properties"),
        "policy.version=1\nbudget.epsilon=16\nbudget.period.days=30\nretention.days=10\n");
    for (String ds : List.of("2026-01-01", "2026-01-02", "2026-01-20")) {
      assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), args(ds)).code());
      assertEquals(ExitCode.SUCCESS, runShared(new SimulateJob(), args(ds)).code());
    }
    assertEquals(ExitCode.SUCCESS, runShared(new EstimateJob(), args("2026-01-01")).code());
    assertEquals(ExitCode.SUCCESS, runShared(new EstimateJob(), args("2026-01-20")).code());
    // As of 01-25 with 10 days: 01-01 and 01-02 are expired; 01-02 was never ranked.
    String[] retention = {"--warehouse", dir.resolve("wh").toString(), "--policy", policy.toString(), "--as-of",
        "2026-01-25"};
    Outcome dry = run(new RetentionJob(), concat(retention, "--dry-run"));
    assertEquals(ExitCode.SUCCESS, dry.code(), dry.stderr());
    assertTrue(Files.exists(partition("reports", "2026-01-01")), "a dry run deletes nothing");
    Outcome o = run(new RetentionJob(), retention);
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    assertFalse(Files.exists(partition("reports", "2026-01-01")));
    assertFalse(Files.exists(partition("quarantine", "2026-01-01")));
    assertTrue(Files.exists(partition("reports", "2026-01-02")), "never ranked: kept without --force");
    assertTrue(Files.exists(partition("reports", "2026-01-20")), "within retention");
    for (String kept : List.of("ranked", "ledger", "candidates")) {
      assertTrue(Files.exists(partition(kept, "2026-01-01").resolve("_manifest.json")), kept + " stays");
    }
    List<Row> log = spark.read().parquet(partition("retention_log", "2026-01-25").toString())
        .orderBy("table_name").collectAsList();
    assertEquals(List.of("quarantine", "reports"), log.stream().map(r -> (String) r.getAs("table_name")).toList());
    Outcome forced = run(new RetentionJob(), concat(retention, "--force"));
    assertEquals(ExitCode.SUCCESS, forced.code(), forced.stderr());
    assertFalse(Files.exists(partition("reports", "2026-01-02")));
    assertTrue(Files.exists(partition("reports", "2026-01-20")));
    assertEquals(3, spark.read().parquet(partition("retention_log", "2026-01-25").toString()).count(),
        "the forced run's deletion is added to the log, the first run's stay");
  }
}
