package org.dpcurate.jobs.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.synthesis.Candidate;

/**
 * Candidates an external generator wrote back ({@code refine --generated PATH}): a Parquet table with {@code text},
 * optional {@code parent_id} and optional {@code embedding} (array of floats, from the generator's own model).
 */
final class GeneratedCandidates {
  /** The typed columns a generator writes back besides its embedding (an array of numbers). */
  private static final StructType COLUMNS = new StructType().add("text", DataTypes.StringType)
      .add("parent_id", DataTypes.StringType);

  private GeneratedCandidates() {}

  static List<Candidate> read(Warehouse w, String path, List<Candidate> pool, int round, Embedder embedder) {
    Dataset<Row> df = ParquetInput.read(w, path, null);
    ParquetInput.requireTypes("generated candidates at " + path, df.schema(), COLUMNS);
    List<String> cols = List.of(df.columns());
    if (!cols.contains("text")) {
      throw new JobException(ExitCode.MISSING_INPUT, "generated candidates at " + path + " lack a text column");
    }
    int dimension = pool.get(0).embedding().length;
    Map<String, Candidate> parents = new HashMap<>();
    pool.forEach(c -> parents.put(c.id(), c));
    List<Candidate> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      String text = r.getAs("text");
      if (text == null || text.isBlank()) {
        continue;
      }
      String parentId = cols.contains("parent_id") ? r.getAs("parent_id") : null;
      Candidate parent = parentId == null ? null : parents.get(parentId);
      float[] embedding = cols.contains("embedding") && r.getAs("embedding") != null
          ? CandidateTable.normalized(r.getList(r.fieldIndex("embedding"))) : null;
      out.add(new Candidate(Candidate.idOf(text), round, parentId, parent == null ? 1 : parent.generation() + 1,
          text, null, embedding));
    }
    out = Candidate.embedMissing(out, embedder);
    for (Candidate c : out) {
      if (c.embedding().length != dimension) {
        throw new JobException(ExitCode.MISSING_INPUT, "generated candidate '" + c.text() + "' at " + path
            + " has a " + c.embedding().length + "-dimensional embedding but the pool's embeddings have "
            + dimension);
      }
    }
    return out;
  }
}
