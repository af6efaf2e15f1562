package org.dpcurate.jobs.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.MessageSpec;

/**
 * The one reader of candidates from outside a date's own table: an imported pool ({@code generate --import}), an
 * external generator's answers ({@code refine --generated}) and the committed candidates table itself. One set of
 * rules (docs/schemas.md "Importing candidates"): {@code text} is required and never null or blank, the typed
 * columns must have their types, {@code embedding} is an array of numbers (kept, L2-normalized) or computed with
 * the run's embedder, and every row has the same dimension; any breach is exit 3 naming the file.
 */
public final class CandidateImport {
  private CandidateImport() {}

  /**
   * Candidates from any Parquet with at least {@code text} (and usually {@code candidate_id}); missing slots make
   * unstructured candidates, a missing id is derived from the text, a missing embedding is computed with
   * {@code embedder}, an external embedding is kept (normalized). {@code round} overrides the rows' round when
   * >= 1.
   */
  public static List<Candidate> read(Warehouse w, String path, Embedder embedder, int round) {
    Dataset<Row> df = ParquetInput.read(w, path, null);
    ParquetInput.requireTypes("candidates at " + path, df.schema(), CandidateTable.INPUT_SCHEMA);
    List<String> columns = Arrays.asList(df.columns());
    if (columns.contains("embedding") && !(df.schema().apply("embedding").dataType() instanceof ArrayType a
        && a.elementType() instanceof NumericType)) {
      throw new JobException(ExitCode.MISSING_INPUT, "candidates at " + path + ": column embedding is "
          + df.schema().apply("embedding").dataType().catalogString() + ", not an array of numbers");
    }
    if (!columns.contains("text")) {
      throw new JobException(ExitCode.MISSING_INPUT, "candidates at " + path + " lack required column text; found "
          + columns);
    }
    for (String optional : new String[] {"candidate_id", "parent_id", "family", "topic", "subject", "language",
        "length", "tone", "place", "time", "counterpart", "label"}) {
      if (!columns.contains(optional)) {
        df = df.withColumn(optional, functions.lit(null).cast(DataTypes.StringType));
      }
    }
    for (String intColumn : new String[] {"generation", "round"}) {
      if (!columns.contains(intColumn)) {
        df = df.withColumn(intColumn, functions.lit(null).cast(DataTypes.IntegerType));
      }
    }
    if (!columns.contains("embedding")) {
      df = df.withColumn("embedding", functions.lit(null).cast(DataTypes.createArrayType(DataTypes.FloatType)));
    }
    List<Row> rows = df.select("candidate_id", "parent_id", "generation", "text", "topic", "subject", "language",
        "length", "tone", "place", "time", "counterpart", "embedding", "round", "label").collectAsList();
    List<Candidate> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      String text = r.getAs("text");
      if (text == null || text.isBlank()) {
        throw new JobException(ExitCode.MISSING_INPUT, "candidates at " + path + " contain an empty text");
      }
      MessageSpec spec = MessageSpec.fromNames(r.getAs("topic"), r.getAs("subject"), r.getAs("language"),
          r.getAs("length"), r.getAs("tone"), r.getAs("place"), r.getAs("time"), r.getAs("counterpart"));
      float[] embedding = r.isNullAt(r.fieldIndex("embedding")) ? null
            : CandidateTable.normalized(r.getList(r.fieldIndex("embedding")));
      String id = r.getAs("candidate_id") == null ? Candidate.idOf(text) : r.getAs("candidate_id");
      Integer rowRound = r.getAs("round");
      Integer generation = r.getAs("generation");
      out.add(new Candidate(id, round >= 1 ? round : rowRound == null ? 1 : rowRound, r.getAs("parent_id"),
          generation == null ? 0 : generation, text, spec, embedding, r.getAs("label")));
    }
    if (embedder == null && out.stream().anyMatch(c -> c.embedding() == null)) {
      throw new JobException(ExitCode.MISSING_INPUT, "candidates at " + path + " include rows without an embedding");
    }
    out = Candidate.embedMissing(out, embedder);
    int dimension = out.isEmpty() ? -1 : out.get(0).embedding().length;
    for (Candidate c : out) {
      if (c.embedding().length != dimension) {
        throw new JobException(ExitCode.MISSING_INPUT, "candidates at " + path + " mix embedding dimensions "
            + dimension + " and " + c.embedding().length + " (candidate '" + c.text() + "')");
      }
    }
    return out;
  }

  /**
   * An external generator's answers for {@code round}: ids derived from the text, each a child of its
   * {@code parent_id} in {@code pool} (generation + 1; 1 without a known parent), with no slots; their
   * embeddings must have the pool's dimension.
   */
  public static List<Candidate> generated(Warehouse w, String path, List<Candidate> pool, int round,
      Embedder embedder) {
    Map<String, Candidate> parents = new HashMap<>();
    pool.forEach(c -> parents.put(c.id(), c));
    int dimension = pool.get(0).embedding().length;
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : read(w, path, embedder, round)) {
      Candidate parent = c.parentId() == null ? null : parents.get(c.parentId());
      if (c.embedding().length != dimension) {
        throw new JobException(ExitCode.MISSING_INPUT, "generated candidate '" + c.text() + "' at " + path
            + " has a " + c.embedding().length + "-dimensional embedding but the pool's embeddings have "
            + dimension);
      }
      // An answer joins its parent's label pool (a label-conditional campaign), else its own label if it has one.
      String label = parent != null && parent.label() != null ? parent.label() : c.label();
      out.add(new Candidate(Candidate.idOf(label, c.text()), round, c.parentId(),
          parent == null ? 1 : parent.generation() + 1, c.text(), null, c.embedding(), label));
    }
    return out;
  }
}
