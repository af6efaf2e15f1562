package org.dpcurate.jobs.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.Warehouse;

/** Simulation only: the strings held by at least a floor of devices, and whether a discover run found them. */
public final class DiscoveryTruthTable {
  private DiscoveryTruthTable() {}

  public static final String NAME = "discovery_truth";

  public static final StructType SCHEMA = new StructType()
      .add("text", DataTypes.StringType, false)
      .add("true_count", DataTypes.LongType, false)
      .add("true_share", DataTypes.DoubleType, false)
      .add("discovered", DataTypes.BooleanType, false);

  /** The strings of {@code truth} held by at least {@code floor} of {@code devices}, most held first. */
  public static void write(Warehouse w, String campaign, Map<String, Long> truth, long devices, long floor,
      Set<String> found) {
    List<Row> rows = new ArrayList<>();
    truth.entrySet().stream()
        .filter(e -> e.getValue() >= floor)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> rows.add(RowFactory.create(e.getKey(), e.getValue(), (double) e.getValue() / devices,
            found.contains(e.getKey()))));
    w.commitCampaign(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, null,
        Manifest.ofRound(0).set("min_devices", floor));
  }
}
