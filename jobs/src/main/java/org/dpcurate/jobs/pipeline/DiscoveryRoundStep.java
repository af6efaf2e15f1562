package org.dpcurate.jobs.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.discovery.DiscoveredString;
import org.dpcurate.discovery.DiscoveryResult;
import org.dpcurate.discovery.PrefixRound;
import org.dpcurate.discovery.PrefixTreeDiscovery;
import org.dpcurate.discovery.PromptVocabulary;
import org.dpcurate.discovery.RoundSummary;
import org.dpcurate.estimation.Decoding;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.jobs.estimation.EstimationResult;
import org.dpcurate.jobs.estimation.RoundEstimation;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.DiscoveredTable;
import org.dpcurate.jobs.tables.DiscoveryCandidatesTable;
import org.dpcurate.jobs.tables.DiscoveryRoundsTable;
import org.dpcurate.jobs.tables.LedgerTable;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A nightly prefix-tree discovery round over uploaded reports: estimate the date's round from its cohort's ingested
 * reports, select, commit its candidates' fate, the ledger row and the strings discovered so far, then publish the
 * next round (its config and candidate list) for the next date. Round 1 is published by {@link #start}.
 */
public final class DiscoveryRoundStep {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRoundStep.class);

  private final CampaignRun run;
  private final Accounting accounting;
  private final double maxRejectedShare;
  private final boolean checkDuplicates;

  public DiscoveryRoundStep(CampaignRun run, Accounting accounting, double maxRejectedShare,
      boolean checkDuplicates) {
    this.run = run;
    this.accounting = accounting;
    this.maxRejectedShare = maxRejectedShare;
    this.checkDuplicates = checkDuplicates;
  }

  /** Publishes the campaign's plan and round 1 on its start date. */
  public String start(DiscoveryPlan plan) {
    plan.write(run.warehouse(), run.campaign());
    PrefixRound.Plan first = PrefixRound.plan(plan.config(), plan.maxWords(), plan.vocabulary(), 1,
        List.of(new int[0]), plan.cohortOf(1));
    publish(plan, first, plan.start());
    return "ok: discovery campaign started, round 1 of " + plan.rounds() + " published with "
        + first.listed().size() + " candidates";
  }

  /** Estimates the round published on {@code ds} and publishes the next one on {@code ds + 1}. */
  public String run(LocalDate ds) {
    DiscoveryPlan plan = DiscoveryPlan.read(run.warehouse(), run.campaign());
    PromptVocabulary vocabulary = plan.vocabulary();
    PublishedConfig published = PublishedConfigs.read(run.warehouse(), run.campaign(), ds);
    int round = published.round();
    if (!plan.dateOf(round).equals(ds)) {
      throw new JobException(ExitCode.MISSING_INPUT, "round " + round + " of " + run.campaign() + " belongs to "
          + plan.dateOf(round) + ", not " + ds);
    }
    long start = System.nanoTime();
    LedgerTable.Cohort cohort = new LedgerTable.Cohort(PrivacyLedger.cohortLabel(round, plan.rounds()), "prefix",
        plan.config().segmentTokens());
    PrivacyBudget.check(run, ds, published.oracle().epsilon(), published.samplingRate(), cohort, accounting);
    DiscoveryCandidatesTable.Listed listed = DiscoveryCandidatesTable.read(run.warehouse(), run.campaign(), ds);
    int length = listed.candidates().get(0).length;
    PrefixRound.Plan thisRound = new PrefixRound.Plan(round, plan.rounds(), length, plan.maxWords() + 1,
        listed.candidates(), listed.padded(), published.oracle());
    EstimationResult input = new RoundEstimation(run.warehouse(), run.campaign(), maxRejectedShare,
        checkDuplicates, Decoding.PLAIN).run(ds, published);
    int k = published.oracle().domainSize();
    FrequencyEstimates estimates = input.estimates() != null ? input.estimates()
        : new FrequencyEstimates(0, new double[k], new double[k]);
    PrefixRound.Outcome out = PrefixRound.select(thisRound, estimates, plan.config(), vocabulary,
        Math.max(1, input.accepted()), plan.expectedDevices());
    PrivacyBudget.commit(run, ds, published, input.accepted(), cohort, accounting);
    RoundSummary summary = new RoundSummary(round, "prefix", 0, input.accepted(), published.oracle(),
        plan.config().segmentTokens(), listed.candidates().size() - (listed.padded() ? 1 : 0), out.selected(),
        out.extended().size(), out.prunedByCap(), out.discovered().size(), (System.nanoTime() - start) / 1e9);
    DiscoveryResult result = new DiscoveryResult(PrefixTreeDiscovery.METHOD, out.discovered(), out.rows(),
        List.of(summary));
    DiscoveryRoundsTable.write(run.warehouse(), run.campaign(), result, r -> ds);
    List<DiscoveredString> all = new ArrayList<>(DiscoveredTable.read(run.warehouse(), run.campaign()));
    all.addAll(out.discovered());
    DiscoveredTable.write(run.warehouse(), run.campaign(), new DiscoveryResult(PrefixTreeDiscovery.METHOD,
        PrefixRound.ranked(all), List.of(), List.of(summary)), ds);
    String outcome = String.format("%s: round %d of %d, %d reports, %d candidates, %d significant, %d discovered, "
            + "%d carried on", input.outcome().label(), round, plan.rounds(), input.accepted(),
        summary.candidates(), out.selected(), out.discovered().size(), out.extended().size());
    if (round < plan.rounds() && !out.extended().isEmpty()) {
      PrefixRound.Plan next = PrefixRound.plan(plan.config(), plan.maxWords(), vocabulary, round + 1,
          out.extended(), plan.cohortOf(round + 1));
      publish(plan, next, ds.plusDays(1));
      return outcome + "; round " + (round + 1) + " published for " + ds.plusDays(1);
    }
    return outcome + "; the campaign is complete";
  }

  private void publish(DiscoveryPlan plan, PrefixRound.Plan round, LocalDate ds) {
    PublishedConfig published = PublishedConfigs.write(run.warehouse(),
        RoundConfig.of(run.campaign(), ds, round.round(), round.oracle()), false);
    DiscoveryCandidatesTable.write(run.warehouse(), run.campaign(), ds, round.listed(), round.padded(),
        plan.vocabulary(), published);
    LOG.info("{} {}: published discovery round {} of {}: {} candidates of {} tokens, {} eps={}", run.campaign(), ds,
        round.round(), plan.rounds(), round.listed().size(), round.length(), round.oracle().kind(),
        round.oracle().epsilon());
  }
}
