package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dpcurate.embedding.MiniLmEmbedder;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small curate with the real sentence-embedding model, end to end: the model is recorded where devices and
 * later rounds need it, every round's curated set is scored as training data, nothing is embedded twice, and the
 * standalone evaluate job reads the campaign back.
 */
class RealModelTest extends SparkTestBase {
  @TempDir
  static Path dir;

  static String warehouse;
  static Outcome first;

  static String[] curateArgs() throws Exception {
    return new String[] {"--warehouse", warehouse, "--campaign", "real", "--seed", "5", "--embedder", "minilm",
        "--population", tinyPopulation(dir).toString(), "--candidates", "120", "--rounds", "2", "--epsilon", "4"};
  }

  @BeforeAll
  static void curateOnce() throws Exception {
    warehouse = dir.resolve("w").toString();
    first = run(new CurateJob(), curateArgs());
  }

  private static Dataset<Row> read(String table) {
    return spark.read().parquet(warehouse + "/" + table);
  }

  @Test
  void theModelIsRecordedForDevicesAndLaterRounds() throws Exception {
    assertEquals(ExitCode.SUCCESS, first.code(), first.stderr());
    String config = Files.readString(Path.of(warehouse, "configs", "campaign=real", "ds=2026-01-01.properties"));
    assertTrue(config.contains("embedding.model=" + MiniLmEmbedder.NAME), config);
    assertTrue(config.contains("embedding.dimension=384"), config);
    String manifest = Files.readString(Path.of(warehouse, "candidates", "campaign=real", "ds=2026-01-01",
        "_manifest.json"));
    assertTrue(manifest.contains("\"embedding_model\": \"" + MiniLmEmbedder.NAME + "\""), manifest);
    assertEquals(384, read("candidates").first().getList(read("candidates").first().fieldIndex("embedding")).size());
  }

  @Test
  void everyRoundIsScoredAsTrainingData() {
    assertEquals(ExitCode.SUCCESS, first.code(), first.stderr());
    List<Row> rows = read("metrics").where("variant = 'curated'").orderBy("round").collectAsList();
    assertEquals(3, rows.size(), "round 0 (the initial pool) and rounds 1..2");
    for (Row r : rows) {
      for (String column : List.of("topic_accuracy", "topic_macro_f1", "language_accuracy", "frechet_distance",
          "knn_recall", "gap_closed")) {
        assertNotNull(r.getAs(column), column + " of round " + r.getAs("round"));
      }
    }
    Row initial = rows.get(0);
    Row privateData = read("metrics").where("variant = 'private-data'").first();
    // The private messages come from the held-out messages' distribution; the initial pool from a biased prior.
    assertTrue((double) privateData.getAs("frechet_distance") < (double) initial.getAs("frechet_distance"),
        "private " + privateData.getAs("frechet_distance") + " vs initial " + initial.getAs("frechet_distance"));
    assertEquals(0.0, (double) initial.getAs("gap_closed"), 1e-12);
    assertEquals(1.0, (double) privateData.getAs("gap_closed"), 1e-12);
  }

  @Test
  void aRerunEmbedsNothingTwice() throws Exception {
    assertEquals(ExitCode.SUCCESS, first.code(), first.stderr());
    long cached = read("embeddings").count();
    assertEquals(cached, read("embeddings").select("text").distinct().count(), "each text cached once");
    Outcome again = run(new CurateJob(), curateArgs());
    assertEquals(ExitCode.SUCCESS, again.code(), again.stderr());
    assertEquals(cached, read("embeddings").count(), "the rerun found every text in the cache");
  }

  @Test
  void evaluateScoresTheCuratedTableAgainstTheHeldOutMessages() {
    assertEquals(ExitCode.SUCCESS, first.code(), first.stderr());
    Outcome o = run(new EvaluateJob(), "--warehouse", warehouse, "--campaign", "real", "--embedder", "minilm");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    List<Row> rows = read("utility").orderBy("training_set").collectAsList();
    assertEquals(List.of("curated", "initial pool", "private data"),
        rows.stream().map(r -> r.<String>getAs("training_set")).toList());
    Row curated = rows.get(0);
    Row lastRound = read("metrics").where("variant = 'curated'").orderBy(
        org.apache.spark.sql.functions.col("round").desc()).first();
    assertEquals((double) lastRound.getAs("frechet_distance"), (double) curated.getAs("frechet_distance"), 1e-6,
        "the standalone job scores the curated table as curate scored its last round");
  }

  @Test
  void devicesOfAnotherEmbedderAreRefused() throws Exception {
    assertEquals(ExitCode.SUCCESS, first.code(), first.stderr());
    Outcome o = run(new SimulateJob(), "--warehouse", warehouse, "--campaign", "real", "--ds", "2026-01-02",
        "--population", tinyPopulation(dir).toString(), "--embedder", "ngram");
    assertEquals(ExitCode.USAGE, o.code(), o.stderr());
    assertTrue(o.stderr().contains("embedded with " + MiniLmEmbedder.NAME), o.stderr());
  }
}
