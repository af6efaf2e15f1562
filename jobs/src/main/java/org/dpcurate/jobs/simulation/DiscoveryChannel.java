package org.dpcurate.jobs.simulation;

import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.discovery.CohortRound;
import org.dpcurate.simulation.discovery.PromptDevices;
import org.dpcurate.simulation.discovery.PromptPopulation;
import org.dpcurate.discovery.RoundChannel;
import org.dpcurate.discovery.RoundSummary;
import org.dpcurate.estimation.Decoding;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.jobs.estimation.EstimationResult;
import org.dpcurate.jobs.estimation.RoundEstimation;
import org.dpcurate.jobs.options.DiscoverSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.pipeline.PrivacyBudget;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.LedgerTable;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.dpcurate.oracle.FrequencyOracle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A discovery round through the warehouse, as in production: round r runs on {@code start + r - 1}; its oracle
 * config is published, the privacy budget of its cohort checked, the cohort's (simulated) reports committed to the
 * report table, then validated, de-duplicated and aggregated by {@link RoundEstimation}, and the ledger entry
 * committed with the cohort.
 */
public final class DiscoveryChannel implements RoundChannel {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryChannel.class);

  private final CampaignRun run;
  private final PromptPopulation population;
  private final DiscoverSettings settings;
  private final int rounds;

  public DiscoveryChannel(CampaignRun run, PromptPopulation population, DiscoverSettings settings, int rounds) {
    this.run = run;
    this.population = population;
    this.settings = settings;
    this.rounds = rounds;
  }

  public LocalDate dateOf(int round) {
    return settings.start().plusDays(round - 1L);
  }

  @Override
  public FrequencyEstimates collect(CohortRound round) {
    LocalDate ds = dateOf(round.round());
    double eps = round.oracle().epsilon();
    LedgerTable.Cohort cohort = new LedgerTable.Cohort(PrivacyLedger.cohortLabel(round.round(), rounds),
        round.stage(), round.stage().equals("prefix") ? settings.discovery().segmentTokens() : null);
    PrivacyBudget.check(run, ds, eps, 1, cohort, settings.privacy());
    PublishedConfig published = PublishedConfigs.write(run.warehouse(), run.campaign(), ds, round.round(),
        round.oracle());
    long t = System.nanoTime();
    simulate(round, ds, published);
    double simulated = Timing.seconds(t);
    EstimationResult input = new RoundEstimation(run.warehouse(), run.campaign(), settings.maxRejectedShare(),
        settings.checkDuplicates(), Decoding.PLAIN).run(ds, published);
    PrivacyBudget.commit(run, ds, published, input.accepted(), cohort, settings.privacy());
    LOG.info("{} round {} ({}, {}): {} devices simulated in {} s, {} reports accepted", run.campaign(),
        round.round(), round.stage(), ds, round.devices(), String.format(Locale.ROOT, "%.1f", simulated),
        input.accepted());
    int k = round.oracle().domainSize();
    return input.estimates() != null ? input.estimates() : new FrequencyEstimates(0, new double[k], new double[k]);
  }

  private void simulate(CohortRound round, LocalDate ds, PublishedConfig published) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(run.warehouse().spark().sparkContext());
    Broadcast<PromptPopulation> pop = jsc.broadcast(population);
    Broadcast<FrequencyOracle> oracle = jsc.broadcast(FrequencyOracle.of(round.oracle()));
    Broadcast<CohortRound> cohortRound = jsc.broadcast(round);
    long seed = run.seed();
    double epsilon = round.oracle().epsilon();
    try {
      Dataset<Row> reports = DeviceSimulation.rows(run.warehouse().spark(), round.fromDevice(), round.toDevice(),
          ReportTable.SCHEMA, () -> {
            PromptPopulation p = pop.value();
            FrequencyOracle o = oracle.value();
            CohortRound r = cohortRound.value();
            return id -> {
              PromptDevices.DeviceReport d = PromptDevices.report(p, seed, r, id, o);
              return DeviceSimulation.reportRow(d.reportIdHigh(), d.reportIdLow(), d.report(), epsilon);
            };
          });
      DeviceSimulation.commitReports(run.warehouse(), run.campaign(), ds, published, reports, round.devices(),
          Manifest.ofRound(round.round()).set("stage", round.stage()));
    } finally {
      pop.destroy();
      oracle.destroy();
      cohortRound.destroy();
    }
  }

  @Override
  public void completed(RoundSummary s) {
    LOG.info("{} round {} ({}) done: {} candidates, {} significant, {} discovered, {} carried on, {} over the cap, "
            + "{} s", run.campaign(), s.round(), s.stage(), s.candidates(), s.selected(), s.discovered(), s.extended(),
        s.prunedByCap(), String.format(Locale.ROOT, "%.1f", s.seconds()));
  }
}
