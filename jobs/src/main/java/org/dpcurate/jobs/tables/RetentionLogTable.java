package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.Warehouse;

/** What a retention run deleted, per campaign: one partition per run date. */
public final class RetentionLogTable {
  private RetentionLogTable() {}

  public static final String NAME = "retention_log";

  public static final StructType SCHEMA = new StructType()
      .add("table_name", DataTypes.StringType, false)
      .add("partition_ds", DataTypes.StringType, false)
      .add("path", DataTypes.StringType, false)
      .add("forced", DataTypes.BooleanType, false)
      .add("reason", DataTypes.StringType, false);

  /** A deleted partition. */
  public record Deletion(String table, LocalDate ds, String path, boolean forced, String reason) {
    Row row() {
      return RowFactory.create(table, ds.toString(), path, forced, reason);
    }
  }

  /** Adds {@code deletions} to the log of date {@code asOf}; what earlier runs of that date logged stays. */
  public static void write(Warehouse w, String campaign, LocalDate asOf, List<Deletion> deletions,
      String policyHash, int retentionDays) {
    List<Row> rows = new ArrayList<>();
    String earlier = w.partition(NAME, campaign, asOf);
    if (w.isCommitted(earlier)) {
      rows.addAll(ParquetInput.reading(earlier, () -> ParquetInput.read(w, earlier, SCHEMA).collectAsList()));
    }
    deletions.forEach(d -> rows.add(d.row()));
    w.commit(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, asOf, Manifest.ofRound(0)
        .set("retention_days", retentionDays).set("policy_hash", policyHash).count("deleted", deletions.size())
        .count("logged", rows.size()));
  }
}
