package org.dpcurate.jobs.pipeline;

import java.time.LocalDate;
import java.util.List;
import org.dpcurate.jobs.estimation.EstimationResult;
import org.dpcurate.jobs.estimation.RoundEstimation;
import org.dpcurate.jobs.options.EstimationSettings;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.RankedTable;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.jobs.warehouse.Withdrawals;
import org.dpcurate.selection.FlatVotes;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimating one date: check the privacy budget, validate and aggregate the date's reports, commit the ranking
 * (empty, with an explicit outcome, when no report was valid) and the ledger entry.
 */
public final class EstimateStep {
  private static final Logger LOG = LoggerFactory.getLogger(EstimateStep.class);
  private final CampaignRun run;
  private final EstimationSettings settings;

  public EstimateStep(CampaignRun run, EstimationSettings settings) {
    this.run = run;
    this.settings = settings;
  }

  /** What estimating a date produced. */
  public record Estimated(PublishedConfig published, List<Candidate> pool, List<RankedCandidate> ranking,
      EstimationResult input, double seconds) {
    public long selected() {
      return ranking.stream().filter(RankedCandidate::selected).count();
    }

    /** The share of the votes the selected candidates hold (their estimated shares summed). */
    public double selectedShare() {
      return FlatVotes.selectedShare(ranking);
    }

    /** Whether the selection holds so little of the votes that it says little about the whole population. */
    public boolean flatVotes() {
      return FlatVotes.flat(ranking);
    }

    /** The console line of the date. */
    public String summary() {
      return String.format("%s: round %d, read %d, accepted %d, quarantined %d, selected %d of %d holding %.1f%% of "
              + "the votes%s", input.outcome().label(), published.round(), input.read(), input.accepted(),
          input.quarantined(), selected(), pool.size(), 100 * selectedShare(), flatVotes()
              ? " (flat votes: refinement and the curated set follow the estimates beyond the selection)" : "");
    }
  }

  /**
   * Estimates date {@code ds}: budget check, estimation, the ledger row, then the ranking. When it fails after the
   * budget check, a ranking an earlier run left for the date is withdrawn: it no longer describes the date's
   * inputs, and refine must not take it for current.
   */
  public Estimated run(LocalDate ds) {
    long start = System.nanoTime();
    PublishedConfig published;
    try {
      published = PublishedConfigs.read(run.warehouse(), run.campaign(), ds);
    } catch (JobException e) {
      throw withdrawRanking(ds, e);
    }
    PrivacyBudget.check(run, ds, published.oracle().epsilon(), published.samplingRate(), null, settings.privacy());
    try {
      return estimate(ds, published, start);
    } catch (JobException e) {
      throw withdrawRanking(ds, e);
    }
  }

  private JobException withdrawRanking(LocalDate ds, JobException failure) {
    Withdrawals.withdraw(run.warehouse(), RankedTable.NAME, run.campaign(), ds, "the last estimate of " + ds
        + " failed (exit " + failure.exitCode().code + ": " + failure.getMessage()
        + "); fix the cause and run estimate again");
    return failure;
  }

  private Estimated estimate(LocalDate ds, PublishedConfig published, long start) {
    Warehouse w = run.warehouse();
    String campaign = run.campaign();
    long read = System.nanoTime();
    List<Candidate> pool = CandidateTable.read(w, campaign, ds, null);
    LOG.info("{} {}: read {} candidates in {}", campaign, ds, pool.size(), Timing.since(read));
    // A segmented round's oracle covers the largest segment's positions.
    int domain;
    try {
      domain = published.segmentLayout(pool.size()).segmentDomain();
    } catch (IllegalArgumentException e) {
      domain = -1;
    }
    if (domain != published.oracle().domainSize() || pool.get(0).round() != published.round()) {
      throw new JobException(ExitCode.MISSING_INPUT, campaign + " " + ds + " publishes round "
          + published.round() + " with K=" + published.oracle().domainSize() + " in " + published.segments()
          + " segment(s) but its candidates are round " + pool.get(0).round() + " with " + pool.size()
          + "; publish the date again");
    }
    EstimationResult input = new RoundEstimation(w, campaign, settings.maxRejectedShare(),
        settings.checkDuplicates(), settings.decoding()).run(ds, published, pool.size());
    long t = System.nanoTime();
    List<RankedCandidate> ranking = input.estimates() == null ? List.of()
        : settings.selection().rank(input.estimates());
    Manifest manifest = Manifest.ofRound(published.round()).outcome(input.outcome().label())
        .set("config_hash", published.hash())
        .set("selection", settings.selection().toString())
        .set("epsilon_spent", published.oracle().epsilon())
        .set("duplicate_check", settings.checkDuplicates())
        .set("decoding", settings.decoding().optionValue())
        .input(w.partition(ReportTable.NAME, campaign, ds))
        .input(w.partition(CandidateTable.NAME, campaign, ds))
        .input(w.configPath(campaign, ds))
        .count("read", input.read()).count("accepted", input.accepted())
        .count("quarantined", input.quarantined()).count("quarantined_by_reason", input.quarantinedByReason())
        .timing("validate_aggregate", input.seconds());
    // The ledger row first, under the fleet's lock: a ranking never exists without its spend.
    PrivacyBudget.commit(run, ds, published, input.accepted(), null, settings.privacy());
    long write = System.nanoTime();
    RankedTable.write(w, campaign, ds, published.round(), pool, ranking, input.accepted(), published.oracle(),
        manifest.timing("rank", Timing.seconds(t)).set("policy_hash", settings.privacy().policy().hash()));
    LOG.info("{} {}: ranked {} candidates and wrote them in {}", campaign, ds, ranking.size(), Timing.since(write));
    Estimated estimated = new Estimated(published, pool, ranking, input, Timing.seconds(start));
    if (estimated.flatVotes()) {
      LOG.warn("{} {}: flat votes: the {} selected candidates hold {} of the votes; refinement and the curated set "
          + "follow the estimates beyond the selection (runners-up survive, refinement explores more up to "
          + "--flat-votes-exploration, the rest of the votes is split evenly)",
          campaign, ds, estimated.selected(), String.format("%.1f%%", 100 * estimated.selectedShare()));
    }
    return estimated;
  }
}
