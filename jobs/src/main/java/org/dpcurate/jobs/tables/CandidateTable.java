package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.embedding.Vectors;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.MessageSpec;

/**
 * The candidates table: one row per candidate of a date's round. The round's published candidate list is this
 * table sorted by candidate_id; a candidate's index in that order is what devices report.
 */
public final class CandidateTable {
  private CandidateTable() {}

  public static final String NAME = "candidates";
  /** The manifest field naming the embedder of a candidates partition. */
  public static final String EMBEDDING_MODEL = "embedding_model";

  /**
   * Appends the coarse attribute columns every candidate-level table carries (family, topic, subject, language,
   * length, tone; null for unstructured candidates), in the order of {@link #attributes}.
   */
  static StructType withCoarseAttributes(StructType schema) {
    return schema
        .add("family", DataTypes.StringType, true)
        .add("topic", DataTypes.StringType, true)
        .add("subject", DataTypes.StringType, true)
        .add("language", DataTypes.StringType, true)
        .add("length", DataTypes.StringType, true)
        .add("tone", DataTypes.StringType, true);
  }

  public static final StructType SCHEMA = withCoarseAttributes(new StructType()
      .add("candidate_id", DataTypes.StringType, false)
      .add("round", DataTypes.IntegerType, false)
      .add("parent_id", DataTypes.StringType, true)
      .add("generation", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, false))
      .add("place", DataTypes.StringType, true)
      .add("time", DataTypes.StringType, true)
      .add("counterpart", DataTypes.StringType, true)
      .add("label", DataTypes.StringType, true)
      .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), true);

  /** The columns an imported pool may have, with their types; an embedding may be an array of any number type. */
  static final StructType INPUT_SCHEMA = new StructType(Arrays.stream(SCHEMA.fields())
      .filter(f -> !f.name().equals("embedding")).toArray(StructField[]::new));

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

  /** An embedding read from Parquet (any numeric element type), L2-normalized. */
  public static float[] normalized(List<?> values) {
    float[] v = new float[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((Number) values.get(i)).floatValue();
    }
    return Vectors.normalize(v);
  }

  static Object[] attributes(MessageSpec s) {
    if (s == null) {
      return new Object[9];
    }
    return new Object[] {s.family(), s.topicName(), s.subjectName(), s.languageCode(), s.lengthName(), s.toneName(),
        s.placeName(), s.timeName(), s.counterpartName()};
  }

  /** An embedding as the List a Spark array column takes. */
  public static List<Float> boxed(float[] v) {
    List<Float> out = new ArrayList<>(v.length);
    for (float x : v) {
      out.add(x);
    }
    return out;
  }

  public static Row toRow(Candidate c) {
    Object[] a = attributes(c.spec());
    return RowFactory.create(c.id(), c.round(), c.parentId(), c.generation(), c.text(), a[0], a[1], a[2], a[3], a[4],
        a[5], a[6], a[7], a[8], c.label(), boxed(c.embedding()));
  }

  /**
   * Commits {@code pool} in published order as date {@code ds}'s candidates, recording the embedder that placed
   * them: every later round of the campaign must embed with the same one.
   */
  public static void write(Warehouse w, String campaign, LocalDate ds, List<Candidate> pool, Embedder embedder,
      Manifest manifest) {
    List<Row> rows = published(pool).stream().map(CandidateTable::toRow).toList();
    manifest.count("candidates", rows.size()).set(EMBEDDING_MODEL, embedder.name())
        .set("embedding_dimension", pool.get(0).embedding().length);
    w.commit(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, ds, manifest);
  }

  /** The embedder recorded for a date's committed candidates (null for partitions written before it was). */
  public static String embeddingModel(Warehouse w, String campaign, LocalDate ds) {
    Object model = Manifest.read(w, w.requireCommitted(NAME, campaign, ds)).get(EMBEDDING_MODEL);
    return model == null ? null : model.toString();
  }

  /**
   * A date's committed candidates in published order; they must have been embedded by {@code embedder} (null:
   * a reader that embeds nothing and takes the pool's embeddings as they are).
   */
  public static List<Candidate> read(Warehouse w, String campaign, LocalDate ds, Embedder embedder) {
    String path = w.requireCommitted(NAME, campaign, ds);
    Object model = Manifest.read(w, path).get(EMBEDDING_MODEL);
    if (embedder != null && model != null && !model.equals(embedder.name())) {
      throw new JobException(ExitCode.USAGE, "candidates at " + path + " were embedded with " + model
          + " but this run embeds with " + embedder.name() + ": pass the campaign's --embedder");
    }
    List<Candidate> out = CandidateImport.read(w, path, embedder, -1);
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
