package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.synthesis.Candidate;

/** The external-generator hand-off: how many variations of which parent a generator should write for a date. */
public final class RequestTable {
  private RequestTable() {}

  public static final String NAME = "requests";

  public static final StructType SCHEMA = new StructType()
      .add("parent_id", DataTypes.StringType, false)
      .add("parent_text", DataTypes.StringType, false)
      .add("variations", DataTypes.IntegerType, false)
      .add("strength", DataTypes.DoubleType, false)
      .add("round", DataTypes.IntegerType, false);

  /** Commits the requests for date {@code ds} (round {@code round}); returns how many parents it names. */
  public static int write(Warehouse w, String campaign, LocalDate ds, int round, List<Candidate> pool,
      Map<String, Integer> unfilled, double strength) {
    Map<String, Candidate> byId = new HashMap<>();
    pool.forEach(c -> byId.put(c.id(), c));
    List<Row> rows = new ArrayList<>();
    unfilled.forEach((id, n) -> rows.add(RowFactory.create(id, byId.get(id).text(), n, strength, round)));
    w.commit(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, ds,
        Manifest.ofRound(round).count("parents", rows.size()));
    return rows.size();
  }
}
