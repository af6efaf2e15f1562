package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Curation with a per-device download budget: every round is published in segments that fit it, the simulated
 * devices vote within their segment, and the estimates stay honest against the truth.
 */
class SegmentedCurationTest extends SparkTestBase {
  /** 30 candidates of the n-gram embedder's 256 + 4 bytes: round 1 splits 100 into 4 segments of 25. */
  private static final long BUDGET = 30 * 260;

  @TempDir
  Path dir;

  @Test
  void everyRoundFitsTheBudgetAndItsIntervalsCoverTheTruth() throws Exception {
    String warehouse = dir.resolve("w").toString();
    Outcome o = run(new CurateJob(), "--warehouse", warehouse, "--campaign", "seg", "--population",
        tinyPopulation(dir).toString(), "--candidates", "100", "--rounds", "2", "--epsilon", "2", "--oracle", "OLH",
        "--download-budget", Long.toString(BUDGET), "--skip-classifier");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    assertTrue(o.stdout().contains("devices download 1 of 4 segments: 6,500 bytes a device"), o.stdout());
    List<Row> rounds = spark.read().parquet(warehouse + "/metrics").where("variant = 'curated' and round > 0")
        .orderBy("round").collectAsList();
    assertEquals(2, rounds.size());
    for (Row r : rounds) {
      assertTrue(r.<Integer>getAs("segments") > 1, "round " + r.getAs("round"));
      assertTrue(r.<Long>getAs("download_bytes") <= BUDGET, "round " + r.getAs("round"));
      assertTrue(r.<Double>getAs("mean_abs_z") < 1.3, "round " + r.getAs("round") + ": " + r.getAs("mean_abs_z"));
      assertTrue(r.<Double>getAs("interval_coverage") > 0.85, "round " + r.getAs("round"));
    }
    // Round 2 is published in the same segments: position p of segment s is candidate p * 4 + s.
    String config = Files.readString(Path.of(warehouse, "configs", "campaign=seg", "ds=2026-01-02.properties"));
    assertTrue(config.contains("download.segments=4\n") && config.contains("domain.size=25\n"), config);
    assertEquals(0, spark.read().parquet(warehouse + "/downloads/campaign=seg/ds=2026-01-02")
        .where("segment != candidate_index % 4 or segment_position != floor(candidate_index / 4)").count());
    String summary = Files.readString(Path.of(warehouse, "summaries", "seg.json"));
    assertTrue(summary.contains("\"segments\":"), summary);
  }

  /**
   * A budget below the int8 list (26,000 bytes) that holds a projection on >= 64 of 256 axes: every round is
   * published whole, as codes on 72 axes and their basis, and the estimates stay honest.
   */
  @Test
  void aBudgetThatHoldsAProjectionPublishesTheWholePoolProjected() throws Exception {
    String warehouse = dir.resolve("p").toString();
    long budget = 24_000;
    Outcome o = run(new CurateJob(), "--warehouse", warehouse, "--campaign", "proj", "--population",
        tinyPopulation(dir).toString(), "--candidates", "100", "--rounds", "2", "--epsilon", "2", "--oracle", "OLH",
        "--download-budget", Long.toString(budget), "--skip-classifier");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    assertTrue(o.stdout().contains("devices download the pool projected on 72 axes: 23,908 bytes a device"),
        o.stdout());
    for (Row r : spark.read().parquet(warehouse + "/metrics").where("variant = 'curated' and round > 0")
        .collectAsList()) {
      assertEquals(1, r.<Integer>getAs("segments"));
      assertEquals(72, r.<Integer>getAs("projected_axes"));
      assertTrue(r.<Long>getAs("download_bytes") <= budget);
      assertTrue(r.<Double>getAs("mean_abs_z") < 1.3, "round " + r.getAs("round") + ": " + r.getAs("mean_abs_z"));
      assertTrue(r.<Double>getAs("interval_coverage") > 0.85, "round " + r.getAs("round"));
    }
    String config = Files.readString(Path.of(warehouse, "configs", "campaign=proj", "ds=2026-01-02.properties"));
    assertTrue(config.contains("download.projected.axes=72\n") && config.contains("download.segments=1\n")
        && config.contains("domain.size=100\n") && config.contains("protocol.version=" + org.dpcurate.client.RoundConfig.PROTOCOL_VERSION + "\n"), config);
    String downloads = warehouse + "/downloads/campaign=proj/ds=2026-01-02";
    assertEquals(0, spark.read().parquet(downloads).where("projected_code is null or length(projected_code) != 45")
        .count());
    List<Row> basis = spark.read().parquet(warehouse + "/download_basis/campaign=proj/ds=2026-01-02")
        .orderBy("axis").collectAsList();
    assertEquals(72, basis.size());
    assertEquals(256, ((byte[]) basis.get(71).getAs("axis_int8")).length);
  }

  @Test
  void aBudgetBelowTwoCandidatesIsAUsageError() throws Exception {
    Outcome o = run(new CurateJob(), "--warehouse", dir.resolve("w2").toString(), "--campaign", "small",
        "--population", tinyPopulation(dir).toString(), "--candidates", "100", "--rounds", "1",
        "--download-budget", "500");
    assertEquals(ExitCode.USAGE, o.code(), o.stderr());
    assertTrue(o.stderr().contains("--download-budget") && o.stderr().contains("260 bytes each"), o.stderr());
  }
}
