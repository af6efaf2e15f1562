package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate -> simulate -> estimate -> refine through real Parquet, with the documented schemas. */
class JobsRoundTripTest extends SparkTestBase {
  @TempDir
  Path dir;

  private String[] common(String... extra) throws Exception {
    String[] base = {"--warehouse", dir.resolve("wh").toString(), "--campaign", "t1", "--seed", "5",
        "--population", tinyPopulation(dir).toString(), "--candidates", "120"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  private Dataset<Row> table(String name, int round) {
    return spark.read().parquet(dir.resolve("wh").resolve(name).resolve("campaign=t1").resolve("round=" + round)
        .toString());
  }

  /** Every column of the written table has the documented name and type (partition columns are directories). */
  private static void assertSchema(StructType expected, Dataset<Row> actual, String... partitionColumns) {
    Set<String> partitions = Set.of(partitionColumns);
    for (StructField f : expected.fields()) {
      if (partitions.contains(f.name())) {
        continue;
      }
      StructField a = actual.schema().apply(f.name());
      assertEquals(f.dataType().catalogString(), a.dataType().catalogString(), "type of column " + f.name());
    }
    assertEquals(expected.size() - partitions.size(), actual.schema().size(), actual.schema().treeString());
  }

  @Test
  void eachJobRoundTripsThroughParquet() throws Exception {
    assertEquals(ExitCode.SUCCESS, run(new GenerateJob(), common()).code());
    Dataset<Row> candidates = table("candidates", 1);
    assertSchema(CandidateTable.SCHEMA, candidates, "campaign", "round");
    assertEquals(120, candidates.count());
    assertEquals(120, candidates.select("candidate_id").distinct().count());

    Outcome simulated = run(new SimulateJob(), common("--round", "1", "--epsilon", "2"));
    assertEquals(ExitCode.SUCCESS, simulated.code(), simulated.stderr());
    Dataset<Row> reports = table("reports", 1);
    assertSchema(ReportTable.SCHEMA, reports);
    assertEquals(20_000, reports.count());
    assertEquals(20_000, reports.select("report_id").distinct().count(), "report ids are unique");
    Dataset<Row> truth = table("truth", 1);
    assertEquals(20_000L, truth.agg(org.apache.spark.sql.functions.sum("true_count")).first().getLong(0));
    assertTrue(Files.exists(dir.resolve("wh/configs/campaign=t1/round=1.properties")));

    Outcome estimated = run(new EstimateJob(), common("--round", "1"));
    assertEquals(ExitCode.SUCCESS, estimated.code(), estimated.stderr());
    Dataset<Row> ranked = table("ranked", 1);
    assertSchema(RankedTable.SCHEMA, ranked, "campaign", "round");
    assertEquals(120, ranked.count());
    List<Row> rows = ranked.orderBy("rank").collectAsList();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      assertEquals(i + 1, r.getInt(r.fieldIndex("rank")));
      double est = r.getDouble(r.fieldIndex("estimate"));
      double se = r.getDouble(r.fieldIndex("std_error"));
      assertTrue(se > 0);
      assertEquals(est - 1.959964 * se, r.getDouble(r.fieldIndex("ci_low")), 1e-3 * se);
      if (i > 0) {
        assertTrue(est <= rows.get(i - 1).getDouble(r.fieldIndex("estimate")), "rank order follows the estimate");
      }
      if (r.getBoolean(r.fieldIndex("selected"))) {
        assertTrue(r.getBoolean(r.fieldIndex("significant")));
      }
    }
    assertTrue(rows.get(0).getBoolean(rows.get(0).fieldIndex("selected")), "the top candidate of a hot population");
    double shares = ranked.agg(org.apache.spark.sql.functions.sum("share")).first().getDouble(0);
    assertEquals(1.0, shares, 1e-9, "Norm-Sub shares sum to 1");

    Outcome refined = run(new RefineJob(), common("--round", "1"));
    assertEquals(ExitCode.SUCCESS, refined.code(), refined.stderr());
    Dataset<Row> next = table("candidates", 2);
    assertEquals(120, next.count());
    Set<String> round1 = new HashSet<>(candidates.select("candidate_id").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList());
    long children = next.where("parent_id is not null").count();
    assertTrue(children > 0, "variations carry their parent");
    for (Row r : next.where("parent_id is not null").collectAsList()) {
      assertTrue(round1.contains(r.getString(r.fieldIndex("parent_id"))), "parents come from round 1");
      assertTrue(r.getInt(r.fieldIndex("generation")) >= 1);
    }
  }

  @Test
  void externalEmbeddingsAndTheGeneratorHandOffAreAccepted() throws Exception {
    assertEquals(ExitCode.SUCCESS, run(new GenerateJob(), common()).code());
    assertEquals(ExitCode.SUCCESS, run(new SimulateJob(), common("--round", "1")).code());
    assertEquals(ExitCode.SUCCESS, run(new EstimateJob(), common("--round", "1")).code());
    Outcome handOff = run(new RefineJob(), common("--round", "1", "--variation", "external"));
    assertEquals(ExitCode.SUCCESS, handOff.code(), handOff.stderr());
    Dataset<Row> requests = spark.read().parquet(dir.resolve("wh/requests/campaign=t1/round=2").toString());
    assertTrue(requests.count() > 0);
    // An external generator answers with text and embeddings from its own model (same dimension as the pool's).
    String parent = requests.select("parent_id").first().getString(0);
    StructType schema = new StructType().add("text", "string").add("parent_id", "string")
        .add("embedding", "array<float>");
    List<Row> generated = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      List<Float> embedding = new java.util.ArrayList<>(java.util.Collections.nCopies(256, 0f));
      embedding.set(i, 3f);
      embedding.set(100 + i, 4f);
      generated.add(org.apache.spark.sql.RowFactory.create("generated text " + i, parent, embedding));
    }
    String path = dir.resolve("generated").toString();
    spark.createDataFrame(generated, schema).write().parquet(path);
    Outcome withGenerated = run(new RefineJob(), common("--round", "1", "--generated", path));
    assertEquals(ExitCode.SUCCESS, withGenerated.code(), withGenerated.stderr());
    Dataset<Row> next = table("candidates", 2);
    assertEquals(10, next.where("text like 'generated text %'").count());
    Row g = next.where("text = 'generated text 3'").first();
    List<Float> e = g.getList(g.fieldIndex("embedding"));
    assertEquals(0.6f, e.get(3), 1e-6, "the generator's embedding is kept, normalized");
    assertEquals(0.8f, e.get(103), 1e-6);
    assertEquals(parent, g.getString(g.fieldIndex("parent_id")));

    // Embeddings of another dimension cannot share a pool: a clear input error.
    List<Row> wrong = List.of(org.apache.spark.sql.RowFactory.create("odd", parent, List.of(1f, 0f, 0f, 0f)));
    String wrongPath = dir.resolve("wrong").toString();
    spark.createDataFrame(wrong, schema).write().parquet(wrongPath);
    Outcome mismatch = run(new RefineJob(), common("--round", "1", "--generated", wrongPath));
    assertEquals(ExitCode.MISSING_INPUT, mismatch.code());
    assertTrue(mismatch.stderr().contains("4-dimensional"), mismatch.stderr());
  }

  @Test
  void missingInputsNameThePartition() throws Exception {
    Outcome o = run(new EstimateJob(), common("--round", "3"));
    assertEquals(ExitCode.MISSING_INPUT, o.code());
    assertTrue(o.stderr().contains("round=3"), o.stderr());
  }

  @Test
  void badOptionsAreUsageErrors() throws Exception {
    String[][] bad = {
        {"--epsilon", "-1"}, {"--epsilon", "abc"}, {"--candidates", "1"}, {"--campaign", "a b"}, {"--oracle", "rr"},
        {"--fdr", "1.5"}, {"--no-such-option"}, {"--post-processing", "magic"}, {"--variation", "dream"},
        {"--devices", "0"}};
    for (String[] args : bad) {
      String[] argv = new String[args.length + 4];
      System.arraycopy(args, 0, argv, 0, args.length);
      System.arraycopy(new String[] {"--warehouse", dir.resolve("never").toString(), "--population",
          tinyPopulation(dir).toString()}, 0, argv, args.length, 4);
      Outcome o = run(new CurateJob(), argv);
      assertEquals(ExitCode.USAGE, o.code(), String.join(" ", args) + ": " + o.stderr());
      assertFalse(o.stderr().isBlank());
      assertTrue(o.stderr().contains(args[0].replace("--", "")) || o.stderr().contains("Unrecognized"),
          "the message names the option: " + o.stderr());
    }
    Outcome missingRound = run(new SimulateJob(), common());
    assertEquals(ExitCode.USAGE, missingRound.code());
    assertTrue(missingRound.stderr().contains("round"));
    Path badConfig = dir.resolve("bad.properties");
    Files.writeString(badConfig, "devices=10\nhot.spec=3\n");
    Outcome unknownKey = run(new CurateJob(), "--warehouse", dir.resolve("never").toString(), "--population",
        badConfig.toString());
    assertEquals(ExitCode.USAGE, unknownKey.code());
    assertTrue(unknownKey.stderr().contains("hot.spec"), unknownKey.stderr());
    Outcome repeated = run(new CurateJob(), common("--candidates", "99"));
    assertEquals(ExitCode.USAGE, repeated.code());
    assertTrue(repeated.stderr().contains("more than once"), repeated.stderr());
    assertFalse(Files.exists(dir.resolve("never")), "usage errors write nothing");
    Outcome help = run(new CurateJob(), "--help");
    assertEquals(ExitCode.SUCCESS, help.code());
    assertNotNull(help.stdout());
    assertTrue(help.stdout().contains("--rounds"));
  }
}
