package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid reports are counted by reason; too many of them stop the round before any ranking is written. */
class BadReportsTest extends SparkTestBase {
  @TempDir
  Path dir;

  @Test
  void invalidReportsAreRejectedAndTooManyFailTheRound() throws Exception {
    String wh = dir.resolve("wh").toString();
    String[] common = {"--warehouse", wh, "--campaign", "b", "--population", tinyPopulation(dir).toString(),
        "--candidates", "50", "--oracle", "GRR", "--epsilon", "3"};
    assertEquals(ExitCode.SUCCESS, run(new GenerateJob(), common).code());
    assertEquals(ExitCode.SUCCESS, run(new SimulateJob(), concat(common, "--round", "1")).code());
    String reportsPath = wh + "/reports/campaign=b/round=1";
    Dataset<Row> good = spark.read().parquet(reportsPath);
    long valid = good.count();
    List<Row> bad = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      bad.add(RowFactory.create("bad-range-" + i, "GRR", 3.0, null, null, 50 + i, null, null));
      bad.add(RowFactory.create("bad-null-" + i, "GRR", 3.0, null, null, null, null, null));
      bad.add(RowFactory.create("bad-eps-" + i, "GRR", 1.0, null, null, 1, null, null));
      bad.add(RowFactory.create("bad-oracle-" + i, "OLH", 3.0, null, 7L, 1, null, null));
    }
    Dataset<Row> mixed = good.unionByName(spark.createDataFrame(bad, ReportTable.SCHEMA));
    String tmp = dir.resolve("mixed").toString();
    mixed.write().parquet(tmp);
    spark.read().parquet(tmp).write().mode(SaveMode.Overwrite).parquet(reportsPath);

    Outcome failed = run(new EstimateJob(), concat(common, "--round", "1"));
    assertEquals(ExitCode.VALIDATION_FAILED, failed.code(), failed.stderr());
    assertTrue(failed.stderr().contains("failed validation"), failed.stderr());
    assertFalse(Files.exists(Path.of(wh, "ranked", "campaign=b", "round=1")), "no ranking after a failed round");

    Outcome tolerated = run(new EstimateJob(), concat(common, "--round", "1", "--max-rejected-share", "0.2"));
    assertEquals(ExitCode.SUCCESS, tolerated.code(), tolerated.stderr());
    Row first = spark.read().parquet(wh + "/ranked/campaign=b/round=1").first();
    assertEquals(valid, first.getLong(first.fieldIndex("reports")), "every valid report is counted, no more");
  }

  @Test
  void aReportTableWithAnotherSchemaIsNamed() throws Exception {
    String wh = dir.resolve("wh2").toString();
    String[] common = {"--warehouse", wh, "--campaign", "s", "--population", tinyPopulation(dir).toString(),
        "--candidates", "20", "--oracle", "GRR"};
    assertEquals(ExitCode.SUCCESS, run(new GenerateJob(), common).code());
    assertEquals(ExitCode.SUCCESS, run(new SimulateJob(), concat(common, "--round", "1")).code());
    String reportsPath = wh + "/reports/campaign=s/round=1";
    Dataset<Row> renamed = spark.read().parquet(reportsPath).withColumnRenamed("value", "val");
    String tmp = dir.resolve("renamed").toString();
    renamed.write().parquet(tmp);
    spark.read().parquet(tmp).write().mode(SaveMode.Overwrite).parquet(reportsPath);
    Outcome o = run(new EstimateJob(), concat(common, "--round", "1"));
    assertEquals(ExitCode.MISSING_INPUT, o.code());
    assertTrue(o.stderr().contains("value") && o.stderr().contains(reportsPath), o.stderr());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
