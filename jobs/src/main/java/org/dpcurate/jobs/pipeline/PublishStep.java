package org.dpcurate.jobs.pipeline;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.download.DownloadPlan;
import org.dpcurate.download.PrincipalProjection;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.PublishSettings;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.DownloadBundles;
import org.dpcurate.jobs.tables.DownloadsTable;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.synthesis.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing a date's round: the oracle config for its committed candidates (chosen for the expected report
 * count) and what devices download. A published round is immutable; only simulations, which publish and report in
 * one run, may publish a date again.
 */
public final class PublishStep {
  private static final Logger LOG = LoggerFactory.getLogger(PublishStep.class);

  private final CampaignRun run;
  private final PublishSettings settings;

  public PublishStep(CampaignRun run, PublishSettings settings) {
    this.run = run;
    this.settings = settings;
  }

  /**
   * What a publication committed; {@code download} is null when every device downloads the whole pool in float32
   * (no download budget), else the segments devices download in int8.
   */
  public record Published(PublishedConfig config, List<Candidate> pool, DownloadPlan download,
      PrincipalProjection projection) {}

  /**
   * Publishes {@code ds} for a real fleet, polling {@code samplingRate} of the devices: the round's budget is
   * checked against the fleet's ledger before any device can report (exit 5, nothing published), eps = inf is
   * refused, and the check is recorded in the download's manifest. Estimation checks again.
   */
  public Published publish(LocalDate ds, double samplingRate, Accounting accounting) {
    return publish(ds, samplingRate, false, accounting);
  }

  /** Publishes {@code ds} for simulated devices, which may replace the date and run at eps = inf. */
  public Published publishSimulated(LocalDate ds, double samplingRate) {
    return publish(ds, samplingRate, true, null);
  }

  private Published publish(LocalDate ds, double samplingRate, boolean replace, Accounting accounting) {
    long start = System.nanoTime();
    List<Candidate> pool = CandidateTable.read(run.warehouse(), run.campaign(), ds, null);
    int dimension = pool.get(0).embedding() == null ? 0 : pool.get(0).embedding().length;
    DownloadPlan plan = downloadPlan(ds, pool.size(), dimension);
    int segments = plan == null ? 1 : plan.segments();
    // Each segment is its own poll: the oracle covers a segment's positions and about 1/S of the reports.
    OracleConfig config = OraclePicker.pick(settings, plan == null ? pool.size() : plan.segmentDomain(),
        Math.max(1, settings.expectedReports() / segments));
    Map<String, Object> recorded = new LinkedHashMap<>(
        accounting == null ? Map.of() : checkBudget(ds, config, samplingRate, accounting));
    if (!Double.isInfinite(config.epsilon())) {
      recorded.put("attack_gain", FrequencyOracle.of(config).fakeReportGain());
    }
    if (!Double.isInfinite(settings.maxAttackGain())) {
      recorded.put("max_attack_gain", settings.maxAttackGain());
    }
    String model = CandidateTable.embeddingModel(run.warehouse(), run.campaign(), ds);
    PublishedConfig published = PublishedConfigs.write(run.warehouse(), RoundConfig.of(run.campaign(), ds,
        pool.get(0).round(), config, samplingRate, model == null ? null : new RoundConfig.Embedding(model, dimension),
        plan == null ? null : new RoundConfig.Download(settings.downloadBudget(), segments, plan.projectedAxes(),
            plan.bytesPerDevice())).withTokens(settings.tokens()), replace);
    PrincipalProjection projection = plan != null && plan.projected()
        ? PrincipalProjection.fit(pool.stream().map(Candidate::embedding).toArray(float[][]::new),
            plan.projectedAxes())
        : null;
    DownloadsTable.write(run.warehouse(), run.campaign(), ds, pool, published,
        plan == null ? DownloadPlan.wholePool(pool.size(), Math.max(1, dimension)) : plan, projection, recorded);
    // Without a recorded model a device could not embed its messages the same way: no bundle to download.
    long bundleBytes = model == null ? 0
        : DownloadBundles.write(run.warehouse(), run.campaign(), ds, pool, projection, replace);
    LOG.info("{} {}: published round {} ({} eps={}, K={}, sampling {}{}; {} device bundles of <= {} bytes) in {}",
        run.campaign(), ds, published.round(), config.kind(), config.epsilon(), pool.size(), samplingRate,
        plan == null ? ""
            : String.format(", %s, %,d bytes a device (budget %,d; whole pool in float32: %,d)", layout(plan),
                plan.bytesPerDevice(), settings.downloadBudget(), plan.wholePoolFloat32Bytes()), segments,
        String.format("%,d", bundleBytes), Timing.since(start));
    return new Published(published, pool, plan, projection);
  }

  /** The fleet's budget for a round of {@code config} on {@code ds}, checked before publication; what to record. */
  private Map<String, Object> checkBudget(LocalDate ds, OracleConfig config, double samplingRate,
      Accounting accounting) {
    if (Double.isInfinite(config.epsilon())) {
      throw new JobException(ExitCode.BUDGET_EXCEEDED, "publish refuses eps = inf for " + run.campaign() + " " + ds
          + ": devices would upload their exact choices; the non-private reference is a simulation "
          + "(simulate or curate --epsilon inf)");
    }
    PrivacyLedger.Entry e = PrivacyBudget.check(run, ds, config.epsilon(), samplingRate, null, accounting);
    PrivacyPolicy policy = accounting.policy();
    LOG.info("{} {}: budget checked before publication: {} per device of {} per {} days (policy {} of fleet {})",
        run.campaign(), ds, e.cumulativeEpsilon(), policy.budgetEpsilon(), policy.periodDays(), policy.version(),
        policy.fleet());
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("budget_checked_fleet", policy.fleet());
    recorded.put("budget_checked_policy_version", policy.version());
    recorded.put("budget_checked_policy_hash", policy.hash());
    recorded.put("budget_checked_epsilon_charged", e.epsilon());
    recorded.put("budget_checked_cumulative_epsilon", e.cumulativeEpsilon());
    recorded.put("budget_checked_budget_epsilon", policy.budgetEpsilon());
    return recorded;
  }

  /** How the pool is downloaded, for the logs. */
  private static String layout(DownloadPlan plan) {
    return plan.projected() ? String.format("the whole pool projected on %d of %d axes", plan.projectedAxes(),
        plan.dimension()) : String.format("%d segments of <= %d candidates", plan.segments(), plan.segmentDomain());
  }

  /** The segments for the download budget, or null without one. */
  private DownloadPlan downloadPlan(LocalDate ds, int candidates, int dimension) {
    if (settings.downloadBudget() == null) {
      return null;
    }
    if (dimension == 0) {
      throw new JobException(ExitCode.USAGE, run.campaign() + " " + ds + ": --download-budget needs candidates "
          + "with embeddings to download");
    }
    return Cli.validated(CurationOptions.DOWNLOAD_BUDGET,
        () -> DownloadPlan.forBudget(candidates, dimension, settings.downloadBudget()));
  }

  /** The console line of a published date. */
  public static String summary(Published p) {
    return String.format("ok: round %d published with %s eps=%s over %d candidates%s, config %s",
        p.config().round(), p.config().oracle().kind(), p.config().oracle().epsilon(), p.pool().size(),
        p.download() == null ? "" : p.download().projected()
            ? String.format(" projected on %d axes (%,d bytes a device)", p.download().projectedAxes(),
                p.download().bytesPerDevice())
            : String.format(" in %d segments (%,d bytes a device)", p.download().segments(),
                p.download().bytesPerDevice()), p.config().hash().substring(0, 12));
  }
}
