package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.RankedTable;
import org.dpcurate.jobs.tables.ReportTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate -> simulate -> estimate -> refine through real Parquet, with the documented schemas. */
class JobsRoundTripTest extends SparkTestBase {
  @TempDir
  Path dir;

  private String[] common(String... extra) throws Exception {
    return concat(new String[] {"--warehouse", dir.resolve("wh").toString(), "--campaign", "t1", "--seed", "5",
        "--population", tinyPopulation(dir).toString(), "--candidates", "120"}, extra);
  }

  private Dataset<Row> table(String name, String ds) {
    return spark.read().parquet(dir.resolve("wh").resolve(name).resolve("campaign=t1").resolve("ds=" + ds)
        .toString());
  }

  /** Every column of a partition has the documented name and type. */
  private static void assertSchema(StructType expected, Dataset<Row> actual) {
    for (StructField f : expected.fields()) {
      StructField a = actual.schema().apply(f.name());
      assertEquals(f.dataType().catalogString(), a.dataType().catalogString(), "type of column " + f.name());
    }
    assertEquals(expected.size(), actual.schema().size(), actual.schema().treeString());
  }

  @Test
  void eachJobRoundTripsThroughParquet() throws Exception {
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), common("--ds", "2026-02-01")).code());
    Dataset<Row> candidates = table("candidates", "2026-02-01");
    assertSchema(CandidateTable.SCHEMA, candidates);
    assertEquals(120, candidates.count());
    assertEquals(120, candidates.select("candidate_id").distinct().count());

    Outcome simulated = runShared(new SimulateJob(), common("--ds", "2026-02-01", "--epsilon", "2"));
    assertEquals(ExitCode.SUCCESS, simulated.code(), simulated.stderr());
    Dataset<Row> reports = table("reports", "2026-02-01");
    assertSchema(ReportTable.SCHEMA, reports);
    assertEquals(20_000, reports.count());
    assertEquals(20_000, reports.select("report_id").distinct().count(), "report ids are unique");
    Dataset<Row> truth = table("truth", "2026-02-01");
    assertEquals(20_000L, truth.agg(functions.sum("true_count")).first().getLong(0));
    assertTrue(Files.exists(dir.resolve("wh/configs/campaign=t1/ds=2026-02-01.properties")));

    Outcome estimated = runShared(new EstimateJob(), common("--ds", "2026-02-01"));
    assertEquals(ExitCode.SUCCESS, estimated.code(), estimated.stderr());
    assertTrue(estimated.stdout().contains("estimate 2026-02-01 ok"), estimated.stdout());
    Dataset<Row> ranked = table("ranked", "2026-02-01");
    assertSchema(RankedTable.SCHEMA, ranked);
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
    assertEquals(1.0, ranked.agg(functions.sum("share")).first().getDouble(0), 1e-9, "Norm-Sub shares sum to 1");
    Row ledger = table("ledger", "2026-02-01").first();
    assertEquals(2.0, ledger.getDouble(ledger.fieldIndex("cumulative_epsilon")));
    assertEquals(20_000L, ledger.getLong(ledger.fieldIndex("devices")));
    assertEquals(0, table("quarantine", "2026-02-01").count());

    Outcome refined = runShared(new RefineJob(), common("--ds", "2026-02-01"));
    assertEquals(ExitCode.SUCCESS, refined.code(), refined.stderr());
    Dataset<Row> next = table("candidates", "2026-02-02");
    assertEquals(120, next.count());
    assertEquals(2, next.first().getInt(next.first().fieldIndex("round")));
    Set<String> round1 = new HashSet<>(candidates.select("candidate_id").as(Encoders.STRING()).collectAsList());
    assertTrue(next.where("parent_id is not null").count() > 0, "variations carry their parent");
    for (Row r : next.where("parent_id is not null").collectAsList()) {
      assertTrue(round1.contains(r.getString(r.fieldIndex("parent_id"))), "parents come from round 1");
      assertTrue(r.getInt(r.fieldIndex("generation")) >= 1);
    }
  }

  @Test
  void externalEmbeddingsAndTheGeneratorHandOffAreAccepted() throws Exception {
    // An initial pool from an external model: text and 256-dimensional embeddings, no slots.
    StructType pool = new StructType().add("text", "string").add("embedding", "array<float>");
    List<Row> external = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      List<Float> e = new java.util.ArrayList<>(java.util.Collections.nCopies(256, 0f));
      e.set(i, 1f);
      e.set(255 - i, 0.5f);
      external.add(org.apache.spark.sql.RowFactory.create("external message " + i, e));
    }
    String importPath = dir.resolve("external").toString();
    spark.createDataFrame(external, pool).write().parquet(importPath);
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), common("--ds", "2026-03-01", "--import", importPath))
        .code());
    assertEquals(40, table("candidates", "2026-03-01").where("topic is null").count());
    // Devices of the simulation embed with the built-in embedder: same dimension, so they can vote.
    assertEquals(ExitCode.SUCCESS, runShared(new SimulateJob(), common("--ds", "2026-03-01")).code());
    assertEquals(ExitCode.SUCCESS, runShared(new EstimateJob(), common("--ds", "2026-03-01",
        "--max-rejected-share", "0")).code());
    Outcome handOff = runShared(new RefineJob(), common("--ds", "2026-03-01", "--variation", "external"));
    assertEquals(ExitCode.SUCCESS, handOff.code(), handOff.stderr());
    Dataset<Row> requests = table("requests", "2026-03-02");
    assertTrue(requests.count() > 0);

    // The generator answers with text and embeddings of its own model.
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
    Outcome withGenerated = runShared(new RefineJob(), common("--ds", "2026-03-01", "--generated", path));
    assertEquals(ExitCode.SUCCESS, withGenerated.code(), withGenerated.stderr());
    Dataset<Row> next = table("candidates", "2026-03-02");
    assertEquals(10, next.where("text like 'generated text %'").count());
    Row g = next.where("text = 'generated text 3'").first();
    List<Float> e = g.getList(g.fieldIndex("embedding"));
    assertEquals(0.6f, e.get(3), 1e-6, "the generator's embedding is kept, normalized");
    assertEquals(0.8f, e.get(103), 1e-6);
    assertEquals(parent, g.getString(g.fieldIndex("parent_id")));

    List<Row> wrong = List.of(org.apache.spark.sql.RowFactory.create("odd", parent, List.of(1f, 0f, 0f, 0f)));
    String wrongPath = dir.resolve("wrong").toString();
    spark.createDataFrame(wrong, schema).write().parquet(wrongPath);
    Outcome mismatch = runShared(new RefineJob(), common("--ds", "2026-03-01", "--generated", wrongPath));
    assertEquals(ExitCode.MISSING_INPUT, mismatch.code());
    assertTrue(mismatch.stderr().contains("4-dimensional"), mismatch.stderr());
  }

  @Test
  void badOptionsAreUsageErrorsAndWriteNothing() throws Exception {
    String[][] bad = {
        {"--epsilon", "-1"}, {"--epsilon", "abc"}, {"--candidates", "1"}, {"--campaign", "a b"}, {"--oracle", "rr"},
        {"--fdr", "1.5"}, {"--no-such-option"}, {"--post-processing", "magic"}, {"--variation", "dream"},
        {"--devices", "0"}, {"--start", "2026-13-01"}, {"--budget", "0"}};
    for (String[] args : bad) {
      Outcome o = run(new CurateJob(), concat(args, "--warehouse", dir.resolve("never").toString(),
          "--population", tinyPopulation(dir).toString()));
      assertEquals(ExitCode.USAGE, o.code(), String.join(" ", args) + ": " + o.stderr());
      assertTrue(o.stderr().contains(args[0].replace("--", "")) || o.stderr().contains("Unrecognized"),
          "the message names the option: " + o.stderr());
    }
    String[][] badDates = {{}, {"--ds", "yesterday"}, {"--from", "2026-01-05"}, {"--from", "2026-01-05", "--to",
        "2026-01-01"}, {"--ds", "2026-01-01", "--from", "2026-01-01", "--to", "2026-01-02"}};
    for (String[] args : badDates) {
      Outcome o = run(new NightlyJob(), concat(args, "--warehouse", dir.resolve("never").toString()));
      assertEquals(ExitCode.USAGE, o.code(), String.join(" ", args) + ": " + o.stderr());
    }
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
    assertTrue(help.stdout().contains("--rounds"));
  }
}
