package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.accounting.RoundCharge;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.Partitions;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;

/**
 * The privacy ledger analysts read: one committed row per campaign and date with the eps each participating
 * device spent and what the fleet's policy charged for it, the worst composition over any budget period containing
 * the date (across every campaign of the fleet), the policy that governed it, and, for shuffled reports, the
 * amplified central (eps, delta) bound.
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
      .add("segment_words", DataTypes.IntegerType, true)
      .add("fleet", DataTypes.StringType, true)
      .add("sampling_rate", DataTypes.DoubleType, true)
      .add("sampled_epsilon", DataTypes.DoubleType, true)
      .add("accounting", DataTypes.StringType, true)
      .add("charged_epsilon", DataTypes.DoubleType, true)
      .add("policy_version", DataTypes.StringType, true)
      .add("policy_hash", DataTypes.StringType, true)
      .add("budget_override", DataTypes.BooleanType, true);

  /**
   * Who reported in a round, when not every device did (string discovery): cohort "c/R" of a split into R disjoint
   * cohorts, the discovery stage, and the words a prefix grew by (prefix rounds only, else null).
   */
  public record Cohort(String label, String stage, Integer segmentWords) {}

  /**
   * What a fleet's committed ledger says before a round is accounted: every spend of the fleet across all its
   * campaigns, the policy versions (and hashes) its rows were written under, and, for the campaign at hand, the
   * other fleets it already has rows under.
   */
  public record History(List<PrivacyLedger.Spend> spends, Map<String, String> policyHashByVersion,
      Set<String> campaignsOtherFleets) {}

  /**
   * The fleet's {@link History}, with the other fleets {@code campaign} (null: none) has rows under. Only committed
   * partitions are read (a killed commit's staging directory never is); rows from before fleets existed belong to
   * the default fleet "fleet", and charged their eps.
   */
  public static History history(Warehouse w, String fleet, String campaign) {
    List<String> partitions = Partitions.committed(w, NAME);
    List<PrivacyLedger.Spend> spends = new ArrayList<>();
    Map<String, String> policies = new TreeMap<>();
    Set<String> otherFleets = new TreeSet<>();
    if (partitions.isEmpty()) {
      return new History(spends, policies, otherFleets);
    }
    Dataset<Row> ledger = ParquetInput.reading(w.table(NAME), () -> w.spark().read()
        .option("basePath", w.table(NAME)).parquet(partitions.toArray(String[]::new)));
    List<String> columns = Arrays.asList(ledger.columns());
    String cohort = columns.contains("cohort") ? "cohort" : "cast(null as string) as cohort";
    String rowFleet = columns.contains("fleet") ? "coalesce(fleet, 'fleet') as fleet" : "'fleet' as fleet";
    String charged = columns.contains("charged_epsilon") ? "coalesce(charged_epsilon, epsilon) as charged"
        : "epsilon as charged";
    String version = columns.contains("policy_version") ? "policy_version" : "cast(null as string) as policy_version";
    String hash = columns.contains("policy_hash") ? "policy_hash" : "cast(null as string) as policy_hash";
    Dataset<Row> rows = ledger.selectExpr("cast(campaign as string) as campaign", "cast(ds as string) as ds", charged,
        cohort, rowFleet, version, hash).where(functions.col("fleet").equalTo(fleet)
        .or(functions.col("campaign").equalTo(campaign == null ? "" : campaign)));
    for (Row r : ParquetInput.reading(w.table(NAME), rows::collectAsList)) {
      if (!fleet.equals(r.getAs("fleet"))) {
        otherFleets.add(r.getAs("fleet"));
        continue;
      }
      spends.add(new PrivacyLedger.Spend(LocalDate.parse(r.getAs("ds")), r.getAs("charged"), r.getAs("cohort"),
          r.getAs("campaign")));
      if (r.getAs("policy_version") != null && r.getAs("policy_hash") != null) {
        policies.putIfAbsent(r.getAs("policy_version"), r.getAs("policy_hash"));
      }
    }
    return new History(spends, policies, otherFleets);
  }

  /**
   * Commits date {@code ds}'s row: {@code e} is the ledger's accounting of what the round charged
   * ({@code charge.charged()}), {@code charge} every figure of the round; {@code cohort} is null when every device
   * of the campaign reported.
   */
  public static void write(Warehouse w, String campaign, LocalDate ds, PublishedConfig published, long devices,
      PrivacyLedger.Entry e, RoundCharge charge, Accounting accounting, Cohort cohort) {
    PrivacyPolicy policy = accounting.policy();
    Row row = RowBuilder.of(SCHEMA)
        .set("round", published.round())
        .set("oracle", published.oracle().kind().name())
        .set("epsilon", charge.local())
        .set("devices", devices)
        .set("window_start", e.windowStart().toString())
        .set("cumulative_epsilon", e.cumulativeEpsilon())
        .set("budget_epsilon", policy.budgetEpsilon())
        .set("budget_period_days", policy.periodDays())
        .set("shuffled", accounting.shuffled())
        .set("central_epsilon", charge.centralEpsilon())
        .set("central_delta", charge.centralDelta())
        .set("cohort", cohort == null ? null : cohort.label())
        .set("stage", cohort == null ? null : cohort.stage())
        .set("segment_words", cohort == null ? null : cohort.segmentWords())
        .set("fleet", policy.fleet())
        .set("sampling_rate", charge.samplingRate())
        .set("sampled_epsilon", charge.sampled())
        .set("accounting", policy.chargeRule().key())
        .set("charged_epsilon", charge.charged())
        .set("policy_version", policy.version())
        .set("policy_hash", policy.hash())
        .set("budget_override", accounting.budgetOverride())
        .build();
    w.commit(w.spark().createDataFrame(List.of(row), SCHEMA).coalesce(1), NAME, campaign, ds,
        Manifest.ofRound(published.round()).set("config_hash", published.hash()).set("epsilon_spent", charge.local())
            .set("epsilon_charged", charge.charged()).set("fleet", policy.fleet())
            .set("policy_version", policy.version()).set("policy_hash", policy.hash())
            .set("budget_override", accounting.budgetOverride()));
  }
}
