package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.discovery.DiscoveredString;
import org.dpcurate.discovery.DiscoveryResult;
import org.dpcurate.discovery.RoundCandidate;
import org.dpcurate.discovery.RoundSummary;

/** The string-discovery outputs of docs/schemas.md: per-round candidates, discovered strings, simulation truth. */
final class DiscoveryTables {
  private DiscoveryTables() {}

  static final StructType ROUNDS_SCHEMA = new StructType()
      .add("round", DataTypes.IntegerType, false)
      .add("stage", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, false)
      .add("complete", DataTypes.BooleanType, false)
      .add("position", DataTypes.IntegerType, true)
      .add("short_hash", DataTypes.IntegerType, true)
      .add("estimate", DataTypes.DoubleType, false)
      .add("std_error", DataTypes.DoubleType, false)
      .add("ci_low", DataTypes.DoubleType, false)
      .add("ci_high", DataTypes.DoubleType, false)
      .add("p_value", DataTypes.DoubleType, false)
      .add("selected", DataTypes.BooleanType, false)
      .add("status", DataTypes.StringType, false);

  static final StructType DISCOVERED_SCHEMA = new StructType()
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

  static final StructType TRUTH_SCHEMA = new StructType()
      .add("text", DataTypes.StringType, false)
      .add("true_count", DataTypes.LongType, false)
      .add("true_share", DataTypes.DoubleType, false)
      .add("discovered", DataTypes.BooleanType, false);

  /** One partition per round date with that round's candidates. */
  static void writeRounds(SparkSession spark, Warehouse w, String campaign, DiscoveryResult result,
      DiscoveryChannel channel) {
    for (RoundSummary s : result.rounds()) {
      List<Row> rows = new ArrayList<>();
      for (RoundCandidate c : result.candidates()) {
        if (c.round() == s.round()) {
          rows.add(RowFactory.create(c.round(), c.stage(), c.text(), c.complete(),
              c.position() < 0 ? null : c.position(), c.shortHash() < 0 ? null : c.shortHash(), c.estimate(),
              c.stdError(), c.ciLow(), c.ciHigh(), c.pValue(), c.selected(), c.status()));
        }
      }
      LocalDate ds = channel.dateOf(s.round());
      w.commit(spark.createDataFrame(rows, ROUNDS_SCHEMA).coalesce(1), Warehouse.DISCOVERY_ROUNDS, campaign, ds,
          new Manifest(Warehouse.DISCOVERY_ROUNDS, campaign, ds.toString(), s.round(), w.runId(), "ok")
              .input(w.partition(Warehouse.REPORTS, campaign, ds))
              .set("method", result.method()).set("stage", s.stage()).set("oracle", s.oracle().kind().name())
              .set("epsilon_spent", s.oracle().epsilon())
              .count("cohort_devices", s.devices()).count("candidates", s.candidates())
              .count("selected", s.selected()).count("carried_on", s.extended())
              .count("pruned_by_cap", s.prunedByCap()).count("discovered", s.discovered())
              .timing("round", s.seconds()));
    }
  }

  static void writeDiscovered(SparkSession spark, Warehouse w, String campaign, DiscoveryResult result,
      LocalDate lastDs) {
    List<Row> rows = new ArrayList<>();
    for (DiscoveredString d : result.discovered()) {
      rows.add(RowFactory.create(d.rank(), d.text(), d.words(), d.round(), d.estimate(), d.stdError(),
          d.cohortReports(), d.share(), d.shareStdError(), d.shareLow(), d.shareHigh(), d.populationEstimate(),
          d.pValue(), result.method(), lastDs.toString()));
    }
    w.commitCampaign(spark.createDataFrame(rows, DISCOVERED_SCHEMA).coalesce(1), Warehouse.DISCOVERED, campaign,
        new Manifest(Warehouse.DISCOVERED, campaign, lastDs.toString(), result.rounds().size(), w.runId(), "ok")
            .input(w.campaignDir(Warehouse.DISCOVERY_ROUNDS, campaign)).set("method", result.method())
            .count("discovered", rows.size()));
  }

  /** Simulation only: the strings at or above {@code floor} devices, and whether the run found them. */
  static void writeTruth(SparkSession spark, Warehouse w, String campaign, Map<String, Long> truth, long devices,
      long floor, java.util.Set<String> found) {
    List<Row> rows = new ArrayList<>();
    truth.entrySet().stream()
        .filter(e -> e.getValue() >= floor)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> rows.add(RowFactory.create(e.getKey(), e.getValue(), (double) e.getValue() / devices,
            found.contains(e.getKey()))));
    w.commitCampaign(spark.createDataFrame(rows, TRUTH_SCHEMA).coalesce(1), Warehouse.DISCOVERY_TRUTH, campaign,
        new Manifest(Warehouse.DISCOVERY_TRUTH, campaign, null, 0, w.runId(), "ok").set("min_devices", floor));
  }
}
