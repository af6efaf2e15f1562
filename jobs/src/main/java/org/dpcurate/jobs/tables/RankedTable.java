package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;

/** A date's ranking: one row per candidate, in rank order. */
public final class RankedTable {
  private RankedTable() {}

  public static final String NAME = "ranked";

  public static final StructType SCHEMA = CandidateTable.withCoarseAttributes(new StructType()
      .add("rank", DataTypes.IntegerType, false)
      .add("candidate_id", DataTypes.StringType, false)
      .add("candidate_index", DataTypes.IntegerType, false)
      .add("estimate", DataTypes.DoubleType, false)
      .add("std_error", DataTypes.DoubleType, false)
      .add("ci_low", DataTypes.DoubleType, false)
      .add("ci_high", DataTypes.DoubleType, false)
      .add("share", DataTypes.DoubleType, false)
      .add("p_value", DataTypes.DoubleType, false)
      .add("significant", DataTypes.BooleanType, false)
      .add("selected", DataTypes.BooleanType, false)
      .add("reports", DataTypes.LongType, false)
      .add("oracle", DataTypes.StringType, false)
      .add("epsilon", DataTypes.DoubleType, false)
      .add("round", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, false)
      .add("parent_id", DataTypes.StringType, true)
      .add("generation", DataTypes.IntegerType, false));

  /** A date's ranking back from Parquet, in rank order. */
  public static List<RankedCandidate> read(Warehouse w, String campaign, LocalDate ds) {
    String path = w.requireCommitted(NAME, campaign, ds);
    Dataset<Row> ranked = ParquetInput.read(w, path, SCHEMA);
    ParquetInput.requireTypes("ranking at " + path, ranked.schema(), SCHEMA);
    List<Row> rows = ParquetInput.reading(path, () -> ranked.orderBy("rank").collectAsList());
    List<RankedCandidate> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new RankedCandidate(r.getAs("candidate_index"), r.getAs("estimate"), r.getAs("std_error"),
          r.getAs("ci_low"), r.getAs("ci_high"), r.getAs("share"), r.getAs("p_value"), r.getAs("rank"),
          r.getAs("significant"), r.getAs("selected")));
    }
    return out;
  }

  public static void write(Warehouse w, String campaign, LocalDate ds, int round, List<Candidate> pool,
      List<RankedCandidate> ranking, long reports, OracleConfig config, Manifest manifest) {
    List<Row> rows = new ArrayList<>(ranking.size());
    for (RankedCandidate r : ranking) {
      Candidate c = pool.get(r.index());
      Object[] a = CandidateTable.attributes(c.spec());
      rows.add(RowFactory.create(r.rank(), c.id(), r.index(), r.estimate(), r.stdError(), r.ciLow(), r.ciHigh(),
          r.share(), r.pValue(), r.significant(), r.selected(), reports, config.kind().name(), config.epsilon(), round,
          c.text(), c.parentId(), c.generation(), a[0], a[1], a[2], a[3], a[4], a[5]));
    }
    manifest.count("selected", ranking.stream().filter(RankedCandidate::selected).count());
    w.commit(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, ds, manifest);
  }
}
