package org.dpcurate.jobs.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.synthesis.Candidate;

/** Simulation only: how many simulated devices truly voted for each candidate of a date. */
public final class TruthTable {
  private TruthTable() {}

  public static final String NAME = "truth";

  public static final StructType SCHEMA = new StructType()
      .add("candidate_index", DataTypes.IntegerType, false)
      .add("candidate_id", DataTypes.StringType, false)
      .add("true_count", DataTypes.LongType, false)
      .add("round", DataTypes.IntegerType, false);

  public static void write(Warehouse w, String campaign, LocalDate ds, PublishedConfig published,
      List<Candidate> pool, long[] truth) {
    List<Row> rows = new ArrayList<>(pool.size());
    for (int i = 0; i < truth.length; i++) {
      rows.add(RowFactory.create(i, pool.get(i).id(), truth[i], published.round()));
    }
    w.commit(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, ds,
        Manifest.ofRound(published.round()).set("config_hash", published.hash()));
  }
}
