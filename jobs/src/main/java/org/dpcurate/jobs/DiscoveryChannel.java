package org.dpcurate.jobs;

import java.time.LocalDate;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.discovery.CohortRound;
import org.dpcurate.discovery.PromptDevices;
import org.dpcurate.discovery.PromptPopulation;
import org.dpcurate.discovery.RoundChannel;
import org.dpcurate.discovery.RoundSummary;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.oracle.FrequencyOracle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A discovery round through the warehouse, as in production: round r runs on {@code start + r - 1}; its oracle
 * config is published, the privacy budget of its cohort checked, the cohort's (simulated) reports committed to the
 * report table, then validated, de-duplicated and aggregated by {@link RoundEstimation}, and the ledger entry
 * committed with the cohort.
 */
final class DiscoveryChannel implements RoundChannel {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryChannel.class);

  private final SparkSession spark;
  private final Warehouse w;
  private final String campaign;
  private final LocalDate start;
  private final PromptPopulation population;
  private final long seed;
  private final DiscoverSettings settings;
  private final int rounds;

  DiscoveryChannel(SparkSession spark, Warehouse w, String campaign, LocalDate start, PromptPopulation population,
      DiscoverSettings settings, int rounds) {
    this.spark = spark;
    this.w = w;
    this.campaign = campaign;
    this.start = start;
    this.population = population;
    this.seed = settings.seed();
    this.settings = settings;
    this.rounds = rounds;
  }

  LocalDate dateOf(int round) {
    return start.plusDays(round - 1L);
  }

  @Override
  public FrequencyEstimates collect(CohortRound round) {
    LocalDate ds = dateOf(round.round());
    double eps = round.oracle().epsilon();
    LedgerTable.Cohort cohort = new LedgerTable.Cohort(PrivacyLedger.cohortLabel(round.round(), rounds),
        round.stage(), round.stage().equals("prefix") ? settings.discovery().segmentTokens() : null);
    PrivacyLedger.Entry entry = LedgerTable.check(spark, w, campaign, ds, eps, cohort, settings.privacy());
    RoundConfigs.Published published = RoundConfigs.write(w, campaign, ds, round.round(), round.oracle());
    long t = System.nanoTime();
    simulate(spark, w, campaign, population, seed, round, ds, published);
    double simulated = Timing.seconds(t);
    RoundEstimation.Result input = RoundEstimation.run(spark, w, campaign, ds, published,
        settings.maxRejectedShare(), settings.checkDuplicates(), false);
    LedgerTable.write(spark, w, campaign, ds, round.round(), published, input.accepted(), entry,
        settings.privacy(), cohort);
    LOG.info("{} round {} ({}, {}): {} devices simulated in {} s, {} reports accepted", campaign, round.round(),
        round.stage(), ds, round.devices(), String.format(java.util.Locale.ROOT, "%.1f", simulated),
        input.accepted());
    int k = round.oracle().domainSize();
    return input.estimates() != null ? input.estimates()
        : new FrequencyEstimates(0, new double[k], new double[k]);
  }

  /** Static: the executors' closure must not capture the channel. */
  private static void simulate(SparkSession spark, Warehouse w, String campaign, PromptPopulation population,
      long seed, CohortRound round, LocalDate ds, RoundConfigs.Published published) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<PromptPopulation> pop = jsc.broadcast(population);
    Broadcast<FrequencyOracle> oracle = jsc.broadcast(FrequencyOracle.of(round.oracle()));
    Broadcast<CohortRound> cohortRound = jsc.broadcast(round);
    long s = seed;
    double epsilon = round.oracle().epsilon();
    int partitions = (int) Math.max(1, Math.min(200,
        round.devices() / 250_000 + spark.sparkContext().defaultParallelism()));
    MapPartitionsFunction<Long, Row> devicesToReports = ids -> {
      PromptPopulation p = pop.value();
      FrequencyOracle o = oracle.value();
      CohortRound r = cohortRound.value();
      return DeviceIds.map(ids, id -> {
        PromptDevices.DeviceReport d = PromptDevices.report(p, s, r, id, o);
        return ReportTable.toRow(ReportTable.reportId(d.reportIdHigh(), d.reportIdLow()), d.report(), epsilon);
      });
    };
    try {
      Dataset<Row> reports = spark.range(round.fromDevice(), round.toDevice(), 1, partitions)
          .mapPartitions(devicesToReports, Encoders.row(ReportTable.SCHEMA));
      w.commit(reports, Warehouse.REPORTS, campaign, ds,
          new Manifest(Warehouse.REPORTS, campaign, ds.toString(), round.round(), w.runId(), "ok")
              .set("config_hash", published.hash()).set("epsilon", epsilon).set("simulated", true)
              .set("stage", round.stage()).count("devices", round.devices()));
    } finally {
      pop.destroy();
      oracle.destroy();
      cohortRound.destroy();
    }
  }

  @Override
  public void completed(RoundSummary s) {
    LOG.info("{} round {} ({}) done: {} candidates, {} significant, {} discovered, {} carried on, {} over the cap, "
            + "{} s", campaign, s.round(), s.stage(), s.candidates(), s.selected(), s.discovered(), s.extended(),
        s.prunedByCap(), String.format(java.util.Locale.ROOT, "%.1f", s.seconds()));
  }
}
