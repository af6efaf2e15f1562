package org.dpcurate.jobs.pipeline;

import java.time.LocalDate;
import java.util.List;
import org.dpcurate.jobs.options.PublishSettings;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.DownloadsTable;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
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

  /** What a publication committed. */
  public record Published(PublishedConfig config, List<Candidate> pool) {}

  /** Publishes {@code ds} polling {@code samplingRate} of the devices; {@code replace} only for simulations. */
  public Published publish(LocalDate ds, double samplingRate, boolean replace) {
    long start = System.nanoTime();
    List<Candidate> pool = CandidateTable.read(run.warehouse(), run.campaign(), ds, null);
    OracleConfig config = OraclePicker.pick(settings, pool.size(), settings.expectedReports());
    String model = CandidateTable.embeddingModel(run.warehouse(), run.campaign(), ds);
    PublishedConfig published = PublishedConfigs.write(run.warehouse(), run.campaign(), ds, pool.get(0).round(),
        config, samplingRate, replace, model == null ? null
            : new PublishedConfigs.Embedding(model, pool.get(0).embedding().length));
    DownloadsTable.write(run.warehouse(), run.campaign(), ds, pool, published);
    LOG.info("{} {}: published round {} ({} eps={}, K={}, sampling {}) in {}", run.campaign(), ds,
        published.round(), config.kind(), config.epsilon(), pool.size(), samplingRate, Timing.since(start));
    return new Published(published, pool);
  }

  /** The console line of a published date. */
  public static String summary(Published p) {
    return String.format("ok: round %d published with %s eps=%s over %d candidates, config %s",
        p.config().round(), p.config().oracle().kind(), p.config().oracle().epsilon(), p.pool().size(),
        p.config().hash().substring(0, 12));
  }
}
