package org.dpcurate.jobs.tables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.hash.XxHash64;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.Warehouse;

/**
 * The embedding cache: every text embedded so far, per model ({@code embeddings/model=<name>/batch=<run>-<n>/}),
 * so no text is embedded twice across rounds, survivors, variants and reruns. Keyed by the XXH64 of the text
 * with the text itself kept, so a hash collision can never return another text's vector. Each write is a new
 * committed batch; batches without a manifest (a killed run) are never read. Shared by every campaign.
 */
public final class EmbeddingsTable {
  private EmbeddingsTable() {}

  public static final String NAME = "embeddings";

  public static final StructType SCHEMA = new StructType()
      .add("text_hash", DataTypes.LongType, false)
      .add("text", DataTypes.StringType, false)
      .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false);

  public static long hash(String text) {
    return XxHash64.hash(text.getBytes(StandardCharsets.UTF_8), 0L);
  }

  public static String modelDir(Warehouse w, String model) {
    return w.table(NAME) + "/model=" + model;
  }

  /** The cached vectors of those of {@code texts} the model has embedded before. */
  public static Map<String, float[]> lookup(Warehouse w, String model, List<String> texts, int dimension) {
    List<String> batches = committedBatches(w, model);
    Map<String, float[]> found = new HashMap<>();
    if (batches.isEmpty() || texts.isEmpty()) {
      return found;
    }
    List<Row> wanted = new ArrayList<>(texts.size());
    for (String t : texts) {
      wanted.add(RowFactory.create(hash(t), t));
    }
    StructType keys = new StructType().add("text_hash", DataTypes.LongType, false)
        .add("text", DataTypes.StringType, false);
    Dataset<Row> cached = ParquetInput.reading(modelDir(w, model), () -> {
      Dataset<Row> all = w.spark().read().parquet(batches.toArray(String[]::new));
      ParquetInput.requireTypes("embedding cache " + modelDir(w, model), all.schema(), SCHEMA);
      return all;
    });
    List<Row> rows = ParquetInput.reading(modelDir(w, model), () -> cached
        .join(w.spark().createDataFrame(wanted, keys), new String[] {"text_hash", "text"}).dropDuplicates("text")
        .select("text", "embedding").collectAsList());
    for (Row r : rows) {
      List<Float> v = r.getList(1);
      if (v.size() != dimension) {
        throw new JobException(ExitCode.MISSING_INPUT, "embedding cache " + modelDir(w, model) + " holds a "
            + v.size() + "-dimensional vector for model " + model + ", which has " + dimension);
      }
      float[] out = new float[v.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = v.get(i);
      }
      found.put(r.getString(0), out);
    }
    return found;
  }

  /** Commits {@code fresh} (text to vector) as a new batch of {@code model}'s cache. */
  public static void append(Warehouse w, String model, Map<String, float[]> fresh, int batch) {
    List<Row> rows = new ArrayList<>(fresh.size());
    fresh.forEach((text, v) -> rows.add(RowFactory.create(hash(text), text, CandidateTable.boxed(v))));
    w.commitAt(w.spark().createDataFrame(rows, SCHEMA).coalesce(1),
        modelDir(w, model) + "/batch=" + w.runId() + "-" + batch, NAME,
        Manifest.ofRound(0).set("model", model).count("texts", rows.size()));
  }

  private static List<String> committedBatches(Warehouse w, String model) {
    Path dir = new Path(modelDir(w, model));
    List<String> out = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(w.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(dir)) {
        return out;
      }
      for (FileStatus s : fs.listStatus(dir)) {
        String path = s.getPath().toString();
        if (s.isDirectory() && s.getPath().getName().startsWith("batch=") && w.isCommitted(path)) {
          out.add(path);
        }
      }
    } catch (java.io.IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot list the embedding cache " + dir + ": "
          + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }
}
