package org.dpcurate.jobs.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.Warehouse;

/**
 * Real messages labelled with topic and language, the ground truth of the utility evaluation: {@code split}
 * "test" rows are the held-out messages every training set is scored on, "train" rows (optional) the private
 * data the non-private upper bound trains on. {@code curate} writes its simulation's; any labelled Parquet with
 * {@code text}, {@code topic} and {@code language} (and optionally {@code split}, {@code embedding}) will do.
 */
public final class LabelledMessagesTable {
  private LabelledMessagesTable() {}

  public static final String NAME = "labelled_messages";
  public static final String TEST = "test";
  public static final String TRAIN = "train";

  public static final StructType SCHEMA = new StructType()
      .add("split", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, false)
      .add("topic", DataTypes.StringType, true)
      .add("language", DataTypes.StringType, true)
      .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), true);

  /** Commits {@code test} and {@code train} as the campaign's labelled messages. */
  public static void write(Warehouse w, String campaign, LabelledSet test, LabelledSet train, String model) {
    List<Row> rows = new ArrayList<>(test.size() + train.size());
    addRows(rows, TEST, test);
    addRows(rows, TRAIN, train);
    w.commitCampaign(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, null,
        Manifest.ofRound(0).set(CandidateTable.EMBEDDING_MODEL, model).count("test", test.size())
            .count("train", train.size()));
  }

  private static void addRows(List<Row> rows, String split, LabelledSet set) {
    for (int i = 0; i < set.size(); i++) {
      rows.add(RowFactory.create(split, set.texts()[i], set.topics()[i], set.languages()[i],
          CandidateTable.boxed(set.embeddings()[i])));
    }
  }

  /**
   * The rows of {@code split} at {@code path} (every row when the data has no split column); texts without an
   * embedding, or whose embedding came from another model ({@code model} differs from the manifest's), are
   * embedded with {@code embedder}.
   */
  public static LabelledSet read(Warehouse w, String path, String split, Embedder embedder) {
    Dataset<Row> df = ParquetInput.read(w, path, null);
    ParquetInput.requireTypes("labelled messages at " + path, df.schema(), SCHEMA);
    List<String> columns = List.of(df.columns());
    for (String required : List.of("text", "topic", "language")) {
      if (!columns.contains(required)) {
        throw new JobException(ExitCode.MISSING_INPUT, "labelled messages at " + path + " lack column " + required
            + "; found " + columns);
      }
    }
    if (columns.contains("split")) {
      df = df.filter(df.col("split").equalTo(split));
    } else if (split.equals(TRAIN)) {
      df = df.limit(0);
    }
    Object model = w.isDirectory(path) && w.isCommitted(path) ? Manifest.read(w, path).get(
        CandidateTable.EMBEDDING_MODEL) : null;
    boolean keepEmbeddings = columns.contains("embedding") && embedder.name().equals(model);
    List<Row> rows = (keepEmbeddings ? df.select("text", "topic", "language", "embedding")
        : df.select("text", "topic", "language")).collectAsList();
    int n = rows.size();
    String[] texts = new String[n];
    String[] topics = new String[n];
    String[] languages = new String[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      // A null topic or language is unknown: the classifier needing it is then not scored (NaN).
      if (r.isNullAt(0)) {
        throw new JobException(ExitCode.MISSING_INPUT, "labelled messages at " + path + ": row " + i
            + " lacks a text");
      }
      texts[i] = r.getString(0);
      topics[i] = r.getString(1);
      languages[i] = r.getString(2);
      weights[i] = 1;
    }
    float[][] x = new float[n][];
    if (keepEmbeddings) {
      for (int i = 0; i < n; i++) {
        x[i] = CandidateTable.normalized(rows.get(i).getList(3));
      }
    } else {
      x = embedder.embedAll(List.of(texts));
    }
    return new LabelledSet(split, texts, x, topics, languages, weights);
  }
}
