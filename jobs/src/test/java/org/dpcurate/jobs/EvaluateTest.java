package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate job on bad input: every refusal names what is wrong, and nothing is written. */
class EvaluateTest extends SparkTestBase {
  @TempDir
  static Path dir;

  static String warehouse;

  @BeforeAll
  static void curate() throws Exception {
    warehouse = dir.resolve("w").toString();
    Outcome o = run(new CurateJob(), "--warehouse", warehouse, "--campaign", "e", "--population",
        tinyPopulation(dir).toString(), "--candidates", "100", "--rounds", "1", "--epsilon", "4");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
  }

  @Test
  void labelledMessagesWithoutATopicAreRefused() {
    String path = dir.resolve("no-topic").toString();
    spark.createDataFrame(List.of(RowFactory.create("hello", "en")), new StructType()
        .add("text", DataTypes.StringType).add("language", DataTypes.StringType)).write().parquet(path);
    Outcome o = run(new EvaluateJob(), "--warehouse", warehouse, "--campaign", "e", "--labelled", path);
    assertEquals(ExitCode.MISSING_INPUT, o.code(), o.stderr());
    assertTrue(o.stderr().contains("lack column topic"), o.stderr());
  }

  @Test
  void anotherEmbedderThanTheCampaignsIsRefused() {
    Outcome o = run(new EvaluateJob(), "--warehouse", warehouse, "--campaign", "e", "--embedder", "taxonomy-oracle");
    assertEquals(ExitCode.USAGE, o.code(), o.stderr());
    assertTrue(o.stderr().contains("embedded with ngram-"), o.stderr());
  }

  @Test
  void aCampaignWithoutACuratedTableIsMissingInput() {
    Outcome o = run(new EvaluateJob(), "--warehouse", warehouse, "--campaign", "none");
    assertEquals(ExitCode.MISSING_INPUT, o.code(), o.stderr());
    assertTrue(o.stderr().contains("no committed curated table"), o.stderr());
  }

  @Test
  void anyLabelledParquetWithoutASplitIsATestSet() {
    String path = dir.resolve("plain").toString();
    List<Row> rows = spark.read().parquet(warehouse + "/labelled_messages").where("split = 'test'")
        .select("text", "topic", "language").collectAsList();
    spark.createDataFrame(rows, new StructType().add("text", DataTypes.StringType)
        .add("topic", DataTypes.StringType).add("language", DataTypes.StringType)).write().parquet(path);
    Outcome o = run(new EvaluateJob(), "--warehouse", warehouse, "--campaign", "e", "--labelled", path);
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    List<Row> utility = spark.read().parquet(warehouse + "/utility").collectAsList();
    assertEquals(2, utility.size(), "initial pool and curated; no private training data, so no upper bound");
    assertTrue(utility.stream().allMatch(r -> r.isNullAt(r.fieldIndex("gap_closed"))));
    assertEquals(rows.size(), utility.get(0).<Integer>getAs("test_size"));
  }
}
