package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.discovery.DiscoveredString;
import org.dpcurate.discovery.DiscoveryResult;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.Warehouse;

/** The strings a discover run found, best first, with shares and intervals. */
public final class DiscoveredTable {
  private DiscoveredTable() {}

  public static final String NAME = "discovered";

  public static final StructType SCHEMA = new StructType()
      .add("rank", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, false)
      .add("words", DataTypes.IntegerType, false)
      .add("round", DataTypes.IntegerType, false)
      .add("estimate", DataTypes.DoubleType, false)
      .add("std_error", DataTypes.DoubleType, false)
      .add("cohort_reports", DataTypes.LongType, false)
      .add("share", DataTypes.DoubleType, false)
      .add("share_std_error", DataTypes.DoubleType, false)
      .add("share_ci_low", DataTypes.DoubleType, false)
      .add("share_ci_high", DataTypes.DoubleType, false)
      .add("population_estimate", DataTypes.DoubleType, false)
      .add("p_value", DataTypes.DoubleType, false)
      .add("method", DataTypes.StringType, false)
      .add("ds", DataTypes.StringType, false);

  /** The strings a campaign has discovered so far (nightly rounds add to them); empty before the first. */
  public static List<DiscoveredString> read(Warehouse w, String campaign) {
    String path = w.campaignDir(NAME, campaign);
    List<DiscoveredString> out = new ArrayList<>();
    if (!w.isCommitted(path)) {
      return out;
    }
    Dataset<Row> table = ParquetInput.read(w, path, SCHEMA);
    ParquetInput.requireTypes("discovered strings at " + path, table.schema(), SCHEMA);
    for (Row r : ParquetInput.reading(path, table::collectAsList)) {
      out.add(new DiscoveredString(r.getAs("rank"), r.getAs("text"), r.getAs("words"), r.getAs("round"),
          r.getAs("estimate"), r.getAs("std_error"), r.getAs("cohort_reports"), r.getAs("share"),
          r.getAs("share_std_error"), r.getAs("share_ci_low"), r.getAs("share_ci_high"),
          r.getAs("population_estimate"), r.getAs("p_value")));
    }
    return out;
  }

  public static void write(Warehouse w, String campaign, DiscoveryResult result, LocalDate lastDs) {
    List<Row> rows = new ArrayList<>();
    for (DiscoveredString d : result.discovered()) {
      rows.add(RowFactory.create(d.rank(), d.text(), d.words(), d.round(), d.estimate(), d.stdError(),
          d.cohortReports(), d.share(), d.shareStdError(), d.shareLow(), d.shareHigh(), d.populationEstimate(),
          d.pValue(), result.method(), lastDs.toString()));
    }
    w.commitCampaign(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, lastDs,
        Manifest.ofRound(result.rounds().size()).input(w.campaignDir(DiscoveryRoundsTable.NAME, campaign))
            .set("method", result.method()).count("discovered", rows.size()));
  }
}
