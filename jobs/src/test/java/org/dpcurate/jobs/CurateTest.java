package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curate job end to end at tiny scale: convergence, outputs and determinism. It embeds with the taxonomy
 * oracle, fast and semantic enough for the loop to converge on 1,500 messages; plain n-grams are not, and the real
 * model's curate is {@link RealModelTest}.
 */
class CurateTest extends SparkTestBase {
  @TempDir
  Path dir;

  /**
   * A curate run; {@code --skip-classifier} where the downstream classifier's figures are not what the test is
   * about (training it is most of a tiny run's time).
   */
  private Outcome curate(String warehouse, long seed, int rounds, String... extra) throws Exception {
    return run(new CurateJob(), concat(new String[] {"--warehouse", dir.resolve(warehouse).toString(),
        "--campaign", "c", "--seed", Long.toString(seed), "--population", tinyPopulation(dir).toString(),
        "--candidates", "150", "--rounds", Integer.toString(rounds), "--epsilon", "4", "--embedder",
        "taxonomy-oracle"}, extra));
  }

  private Dataset<Row> read(String warehouse, String table) {
    return spark.read().parquet(dir.resolve(warehouse).resolve(table).toString());
  }

  @Test
  void roundsReduceTheDistanceAndWriteEveryOutput() throws Exception {
    Outcome o = curate("a", 11, 4, "--skip-classifier");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    assertTrue(o.stdout().contains("round"), "prints the per-round table");
    List<Row> metrics = read("a", "metrics").where("variant = 'curated'").orderBy("round").collectAsList();
    assertEquals(5, metrics.size(), "round 0 and rounds 1..4");
    double tv0 = metrics.get(0).getDouble(metrics.get(0).fieldIndex("total_variation"));
    double tvLast = metrics.get(4).getDouble(metrics.get(4).fieldIndex("total_variation"));
    // At 20,000 devices and 150 candidates four rounds move the attribute mix only a little (the demo's scale
    // cuts it by 64%, README), while the pool's coverage of the private messages rises clearly.
    assertTrue(tvLast < tv0, "distance must fall: " + tv0 + " -> " + tvLast);
    double pool0 = metrics.get(0).getDouble(metrics.get(0).fieldIndex("pool_coverage"));
    double poolLast = metrics.get(4).getDouble(metrics.get(4).fieldIndex("pool_coverage"));
    assertTrue(poolLast > pool0 + 0.1, "the pool moves toward the private messages: " + pool0 + " -> " + poolLast);

    Dataset<Row> curated = read("a", "curated");
    assertTrue(curated.count() > 0);
    double weights = curated.agg(org.apache.spark.sql.functions.sum("weight")).first().getDouble(0);
    assertEquals(1.0, weights, 1e-9);
    // The last round's vote distribution: its selected candidates, and the others sharing the rest evenly; a row
    // stands for itself and the near-duplicates merged into it.
    Dataset<Row> lastRanking = read("a", "ranked").where("ds = '2026-01-04'");
    assertTrue(curated.where("selected").count() <= lastRanking.where("selected").count());
    assertTrue(curated.where("not selected and represents = 1").select("weight").distinct().count() <= 1,
        "one weight for every candidate that is not selected and stands for itself alone");
    long unselected = curated.where("not selected").count();
    long represented = curated.agg(org.apache.spark.sql.functions.sum("represents")).first().getLong(0);
    assertTrue(unselected == 0 || represented == lastRanking.count(),
        "the rest goes to all the others or none: every candidate is a row or merged into one");
    assertEquals(4, read("a", "ranked").select("ds").distinct().count());
    assertEquals(16.0, read("a", "ledger").agg(org.apache.spark.sql.functions.max("cumulative_epsilon")).first()
        .getDouble(0), 1e-12, "four rounds at eps 4 compose to 16");
    String summary = Files.readString(dir.resolve("a/summaries/c.json"));
    assertTrue(summary.contains("\"total_variation\""));
  }

  @Test
  void theSameSeedGivesIdenticalRows() throws Exception {
    // Two rounds exercise every random stage (generate, simulate, refine, the next simulate). The second run
    // skips the classifier: its evaluation must not touch curation's randomness or its other figures.
    assertEquals(ExitCode.SUCCESS, curate("x", 3, 2).code());
    assertEquals(ExitCode.SUCCESS, curate("y", 3, 2, "--skip-classifier").code());
    for (String table : new String[] {"candidates", "reports", "ranked", "curated", "truth", "ledger"}) {
      Dataset<Row> x = read("x", table);
      Dataset<Row> y = read("y", table);
      assertEquals(x.count(), y.count(), table);
      assertEquals(0, x.exceptAll(y).count(), table + " differs between two runs with the same seed");
    }
    String[] distances = {"variant", "round", "frechet_distance", "knn_precision", "knn_recall"};
    assertEquals(0, read("x", "metrics").selectExpr(distances).exceptAll(read("y", "metrics")
        .selectExpr(distances)).count(), "the same distances with and without the classifier");
    List<Row> accuracy = read("y", "metrics").select("topic_accuracy", "gap_closed").collectAsList();
    assertTrue(accuracy.stream().allMatch(r -> r.isNullAt(0) || Double.isNaN(r.getDouble(0))),
        "no classifier, no accuracy: " + accuracy);
    assertTrue(read("x", "metrics").where("variant = 'curated' and topic_accuracy > 0").count() > 0);
    assertEquals(ExitCode.SUCCESS, curate("z", 4, 1, "--skip-classifier").code());
    assertTrue(read("x", "reports").exceptAll(read("z", "reports")).count() > 0, "another seed, other reports");
  }

  /**
   * The fleet path's curated table is curate's for the same reports: generate, simulate and nightly on one
   * campaign, curate for one round on another, with the same seed, population and pool size, give the same pool,
   * the same reports and the same curated rows and weights.
   */
  @Test
  void theFleetPathWritesTheSameCuratedTableAsCurateForTheSameReports() throws Exception {
    String wh = dir.resolve("f").toString();
    String population = tinyPopulation(dir).toString();
    assertEquals(ExitCode.SUCCESS, run(new CurateJob(), "--warehouse", wh, "--campaign", "sim", "--seed", "5",
        "--population", population, "--candidates", "150", "--rounds", "1", "--epsilon", "4", "--embedder",
        "taxonomy-oracle", "--skip-classifier").code());
    String[] fleet = {"--warehouse", wh, "--campaign", "fleet", "--seed", "5", "--population", population,
        "--candidates", "150", "--epsilon", "4", "--embedder", "taxonomy-oracle", "--ds", "2026-01-01"};
    for (Job job : new Job[] {new GenerateJob(), new SimulateJob(), new NightlyJob()}) {
      Outcome o = runShared(job, fleet);
      assertEquals(ExitCode.SUCCESS, o.code(), job.name() + ": " + o.stderr());
    }
    Dataset<Row> simReports = read("f", "reports/campaign=sim").drop("ds", "campaign");
    Dataset<Row> fleetReports = read("f", "reports/campaign=fleet").drop("ds", "campaign");
    assertEquals(simReports.count(), fleetReports.count());
    assertEquals(0, simReports.exceptAll(fleetReports).count(), "the same reports");
    String[] columns = {"candidate_id", "text", "weight", "selected", "estimate"};
    Dataset<Row> simCurated = read("f", "curated/campaign=sim").selectExpr(columns);
    Dataset<Row> fleetCurated = read("f", "curated/campaign=fleet").selectExpr(columns);
    assertTrue(simCurated.count() > 0);
    assertEquals(simCurated.count(), fleetCurated.count());
    assertEquals(0, simCurated.exceptAll(fleetCurated).count(), "the same curated rows and weights");
  }
}
