package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.accounting.ShuffleAmplification;

/**
 * The privacy ledger analysts read: one committed row per campaign and date with the eps each participating
 * device spent, the sequential composition over the budget period, and, for shuffled reports, the amplified
 * central (eps, delta) bound. A round that would exceed the per-device budget is refused before anything of it is
 * written.
 */
public final class LedgerTable {
  private LedgerTable() {}

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

  /** Campaign privacy settings. */
  public record Policy(double budgetEpsilon, int periodDays, boolean shuffled, double delta) {
    public PrivacyLedger ledger() {
      return new PrivacyLedger(budgetEpsilon, periodDays);
    }
  }

  /** The spends already committed for the campaign (every date's eps). */
  static List<PrivacyLedger.Spend> spends(SparkSession spark, Warehouse w, String campaign) {
    String dir = w.campaignDir(Warehouse.LEDGER, campaign);
    List<PrivacyLedger.Spend> out = new ArrayList<>();
    if (!w.exists(dir)) {
      return out;
    }
    org.apache.spark.sql.Dataset<Row> ledger = spark.read().parquet(dir);
    // Partitions written before cohorts existed have no cohort column: every device reported.
    String cohort = java.util.Arrays.asList(ledger.columns()).contains("cohort") ? "cohort"
        : "cast(null as string) as cohort";
    for (Row r : ledger.selectExpr("cast(ds as string)", "epsilon", cohort).collectAsList()) {
      out.add(new PrivacyLedger.Spend(LocalDate.parse(r.getString(0)), r.getDouble(1), r.getString(2)));
    }
    return out;
  }

  /** Refuses with BUDGET_EXCEEDED, or returns the date's entry. */
  public static PrivacyLedger.Entry check(SparkSession spark, Warehouse w, String campaign, LocalDate ds,
      double epsilon, Policy policy) {
    return check(spark, w, campaign, ds, epsilon, null, policy);
  }

  /** As above for a round reported by one cohort ({@code cohort} null: every device). */
  public static PrivacyLedger.Entry check(SparkSession spark, Warehouse w, String campaign, LocalDate ds,
      double epsilon, Cohort cohort, Policy policy) {
    PrivacyLedger.Entry e = policy.ledger().account(ds, epsilon, cohort == null ? null : cohort.label(),
        spends(spark, w, campaign));
    if (!e.withinBudget()) {
      throw new JobException(ExitCode.BUDGET_EXCEEDED, String.format(
          "campaign %s on %s would spend eps=%s per device%s, %s in total over %s..%s, above the per-device budget "
              + "%s per %d days; the round was not run", campaign, ds, epsilon,
          cohort == null ? "" : " of cohort " + cohort.label(), e.cumulativeEpsilon(), e.windowStart(), ds,
          policy.budgetEpsilon(), policy.periodDays()));
    }
    return e;
  }

  public static void write(SparkSession spark, Warehouse w, String campaign, LocalDate ds, int round,
      RoundConfigs.Published published, long devices, PrivacyLedger.Entry e, Policy policy) {
    write(spark, w, campaign, ds, round, published, devices, e, policy, null);
  }

  public static void write(SparkSession spark, Warehouse w, String campaign, LocalDate ds, int round,
      RoundConfigs.Published published, long devices, PrivacyLedger.Entry e, Policy policy, Cohort cohort) {
    Double central = null;
    Double delta = null;
    if (policy.shuffled() && devices > 0 && Double.isFinite(e.epsilon())) {
      central = ShuffleAmplification.centralEpsilon(e.epsilon(), devices, policy.delta());
      delta = policy.delta();
    }
    Row row = RowFactory.create(round, published.oracle().kind().name(), e.epsilon(), devices,
        e.windowStart().toString(), e.cumulativeEpsilon(), policy.budgetEpsilon(), policy.periodDays(),
        policy.shuffled(), central, delta, cohort == null ? null : cohort.label(),
        cohort == null ? null : cohort.stage(), cohort == null ? null : cohort.segmentWords());
    w.commit(spark.createDataFrame(List.of(row), SCHEMA).coalesce(1), Warehouse.LEDGER, campaign, ds,
        new Manifest(Warehouse.LEDGER, campaign, ds.toString(), round, w.runId(), "ok")
            .set("config_hash", published.hash()).set("epsilon_spent", e.epsilon()));
  }
}
