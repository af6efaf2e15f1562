package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.accounting.ShuffleAmplification;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;

/**
 * The privacy ledger analysts read: one committed row per campaign and date with the eps each participating
 * device spent, the sequential composition over the budget period, and, for shuffled reports, the amplified
 * central (eps, delta) bound.
 */
public final class LedgerTable {
  private LedgerTable() {}

  public static final String NAME = "ledger";

  public static final StructType SCHEMA = new StructType()
      .add("round", DataTypes.IntegerType, false)
      .add("oracle", DataTypes.StringType, false)
      .add("epsilon", DataTypes.DoubleType, false)
      .add("devices", DataTypes.LongType, false)
      .add("window_start", DataTypes.StringType, false)
      .add("cumulative_epsilon", DataTypes.DoubleType, false)
      .add("budget_epsilon", DataTypes.DoubleType, false)
      .add("budget_period_days", DataTypes.IntegerType, false)
      .add("shuffled", DataTypes.BooleanType, false)
      .add("central_epsilon", DataTypes.DoubleType, true)
      .add("central_delta", DataTypes.DoubleType, true)
      .add("cohort", DataTypes.StringType, true)
      .add("stage", DataTypes.StringType, true)
      .add("segment_words", DataTypes.IntegerType, true);

  /**
   * Who reported in a round, when not every device did (string discovery): cohort "c/R" of a split into R disjoint
   * cohorts, the discovery stage, and the words a prefix grew by (prefix rounds only, else null).
   */
  public record Cohort(String label, String stage, Integer segmentWords) {}

  /** The spends already committed for the campaign (every date's eps). */
  public static List<PrivacyLedger.Spend> spends(Warehouse w, String campaign) {
    String dir = w.campaignDir(NAME, campaign);
    List<PrivacyLedger.Spend> out = new ArrayList<>();
    if (!w.exists(dir)) {
      return out;
    }
    Dataset<Row> ledger = w.spark().read().parquet(dir);
    // Partitions written before cohorts existed have no cohort column: every device reported.
    String cohort = Arrays.asList(ledger.columns()).contains("cohort") ? "cohort" : "cast(null as string) as cohort";
    for (Row r : ledger.selectExpr("cast(ds as string) as ds", "epsilon", cohort).collectAsList()) {
      out.add(new PrivacyLedger.Spend(LocalDate.parse(r.getAs("ds")), r.getAs("epsilon"), r.getAs("cohort")));
    }
    return out;
  }

  /** Commits date {@code ds}'s row; {@code cohort} is null when every device reported. */
  public static void write(Warehouse w, String campaign, LocalDate ds, PublishedConfig published, long devices,
      PrivacyLedger.Entry e, PrivacyPolicy policy, Cohort cohort) {
    Double central = null;
    Double delta = null;
    if (policy.shuffled() && devices > 0 && Double.isFinite(e.epsilon())) {
      central = ShuffleAmplification.centralEpsilon(e.epsilon(), devices, policy.delta());
      delta = policy.delta();
    }
    Row row = RowFactory.create(published.round(), published.oracle().kind().name(), e.epsilon(), devices,
        e.windowStart().toString(), e.cumulativeEpsilon(), policy.budgetEpsilon(), policy.periodDays(),
        policy.shuffled(), central, delta, cohort == null ? null : cohort.label(),
        cohort == null ? null : cohort.stage(), cohort == null ? null : cohort.segmentWords());
    w.commit(w.spark().createDataFrame(List.of(row), SCHEMA).coalesce(1), NAME, campaign, ds,
        Manifest.ofRound(published.round()).set("config_hash", published.hash()).set("epsilon_spent", e.epsilon()));
  }
}
