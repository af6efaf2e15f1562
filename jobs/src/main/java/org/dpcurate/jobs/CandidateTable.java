package org.dpcurate.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.embedding.TextEmbedder;
import org.dpcurate.embedding.Vectors;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.MessageSpec;

/**
 * The candidates table: one row per candidate of a round. A round's published candidate list is this table
 * sorted by candidate_id; a candidate's index in that order is what devices report.
 */
public final class CandidateTable {
  private CandidateTable() {}

  public static final StructType SCHEMA = new StructType()
      .add("candidate_id", DataTypes.StringType, false)
      .add("parent_id", DataTypes.StringType, true)
      .add("generation", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, false)
      .add("family", DataTypes.StringType, true)
      .add("topic", DataTypes.StringType, true)
      .add("subject", DataTypes.StringType, true)
      .add("language", DataTypes.StringType, true)
      .add("length", DataTypes.StringType, true)
      .add("tone", DataTypes.StringType, true)
      .add("place", DataTypes.StringType, true)
      .add("time", DataTypes.StringType, true)
      .add("counterpart", DataTypes.StringType, true)
      .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), true)
      .add("campaign", DataTypes.StringType, false)
      .add("round", DataTypes.IntegerType, false);

  /** Sorted by id: the published order. */
  public static List<Candidate> published(List<Candidate> pool) {
    List<Candidate> sorted = new ArrayList<>(pool);
    sorted.sort(Comparator.comparing(Candidate::id));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("duplicate candidate_id " + sorted.get(i).id());
      }
    }
    return sorted;
  }

  static Object[] attributes(MessageSpec s) {
    if (s == null) {
      return new Object[9];
    }
    return new Object[] {s.family(), s.topicName(), s.subjectName(), s.languageCode(), s.lengthName(), s.toneName(),
        s.placeName(), s.timeName(), s.counterpartName()};
  }

  public static Row toRow(Candidate c, String campaign) {
    Object[] a = attributes(c.spec());
    List<Float> embedding = new ArrayList<>(c.embedding().length);
    for (float x : c.embedding()) {
      embedding.add(x);
    }
    return RowFactory.create(c.id(), c.parentId(), c.generation(), c.text(), a[0], a[1], a[2], a[3], a[4], a[5],
        a[6], a[7], a[8], embedding, campaign, c.round());
  }

  public static void write(SparkSession spark, Warehouse w, String campaign, List<Candidate> pool) {
    List<Row> rows = published(pool).stream().map(c -> toRow(c, campaign)).toList();
    spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
        .partitionBy("campaign", "round").parquet(w.table(Warehouse.CANDIDATES));
  }

  /**
   * Reads a round's candidates in published order. Rows without an embedding are embedded with {@code embedder};
   * rows with one (from an external model) keep it, normalized. Rows whose slots are not in the taxonomy become
   * unstructured candidates.
   */
  public static List<Candidate> read(SparkSession spark, Warehouse w, String campaign, int round,
      TextEmbedder embedder) {
    String path = w.requirePartition(Warehouse.CANDIDATES, campaign, round);
    Dataset<Row> df = spark.read().parquet(path);
    for (String column : new String[] {"candidate_id", "text"}) {
      if (!java.util.Arrays.asList(df.columns()).contains(column)) {
        throw new JobException(ExitCode.MISSING_INPUT, "candidates at " + path + " lack required column " + column
            + "; found " + java.util.Arrays.toString(df.columns()));
      }
    }
    for (String optional : new String[] {"parent_id", "family", "topic", "subject", "language", "length", "tone",
        "place", "time", "counterpart"}) {
      if (!java.util.Arrays.asList(df.columns()).contains(optional)) {
        df = df.withColumn(optional, functions.lit(null).cast(DataTypes.StringType));
      }
    }
    if (!java.util.Arrays.asList(df.columns()).contains("generation")) {
      df = df.withColumn("generation", functions.lit(0));
    }
    if (!java.util.Arrays.asList(df.columns()).contains("embedding")) {
      df = df.withColumn("embedding", functions.lit(null).cast(DataTypes.createArrayType(DataTypes.FloatType)));
    }
    List<Row> rows = df.select("candidate_id", "parent_id", "generation", "text", "topic", "subject", "language",
        "length", "tone", "place", "time", "counterpart", "embedding").collectAsList();
    List<Candidate> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      MessageSpec spec = MessageSpec.fromNames(r.getString(4), r.getString(5), r.getString(6), r.getString(7),
          r.getString(8), r.getString(9), r.getString(10), r.getString(11));
      float[] embedding;
      if (r.isNullAt(12)) {
        embedding = embedder.embed(r.getString(3));
      } else {
        List<Object> values = r.getList(12);
        embedding = new float[values.size()];
        for (int i = 0; i < embedding.length; i++) {
          embedding[i] = ((Number) values.get(i)).floatValue();
        }
        Vectors.normalize(embedding);
      }
      out.add(new Candidate(r.getString(0), round, r.getString(1), r.isNullAt(2) ? 0 : r.getInt(2), r.getString(3),
          spec, embedding));
    }
    if (out.size() < 2) {
      throw new JobException(ExitCode.MISSING_INPUT, "candidates at " + path + " hold " + out.size()
          + " rows; a round needs at least 2");
    }
    try {
      return published(out);
    } catch (IllegalArgumentException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "candidates at " + path + ": " + e.getMessage(), e);
    }
  }
}
