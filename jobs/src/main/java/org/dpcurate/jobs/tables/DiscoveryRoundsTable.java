package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.discovery.DiscoveryResult;
import org.dpcurate.discovery.RoundCandidate;
import org.dpcurate.discovery.RoundSummary;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.Warehouse;

/** Every candidate of every discovery round, one partition per round date, with its estimate and fate. */
public final class DiscoveryRoundsTable {
  private DiscoveryRoundsTable() {}

  public static final String NAME = "discovery_rounds";

  public static final StructType SCHEMA = new StructType()
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

  /** One partition per round of {@code result}, at the date {@code dateOf} gives the round. */
  public static void write(Warehouse w, String campaign, DiscoveryResult result, IntFunction<LocalDate> dateOf) {
    for (RoundSummary s : result.rounds()) {
      List<Row> rows = new ArrayList<>();
      for (RoundCandidate c : result.candidates()) {
        if (c.round() == s.round()) {
          rows.add(RowFactory.create(c.round(), c.stage(), c.text(), c.complete(),
              c.position() < 0 ? null : c.position(), c.shortHash() < 0 ? null : c.shortHash(), c.estimate(),
              c.stdError(), c.ciLow(), c.ciHigh(), c.pValue(), c.selected(), c.status()));
        }
      }
      LocalDate ds = dateOf.apply(s.round());
      w.commit(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, ds,
          Manifest.ofRound(s.round())
              .input(w.partition(ReportTable.NAME, campaign, ds))
              .set("method", result.method()).set("stage", s.stage()).set("oracle", s.oracle().kind().name())
              .set("epsilon_spent", s.oracle().epsilon())
              .count("cohort_devices", s.devices()).count("candidates", s.candidates())
              .count("selected", s.selected()).count("carried_on", s.extended())
              .count("pruned_by_cap", s.prunedByCap()).count("discovered", s.discovered())
              .timing("round", s.seconds()));
    }
  }
}
