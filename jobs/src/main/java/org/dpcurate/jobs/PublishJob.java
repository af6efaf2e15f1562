package org.dpcurate.jobs;

import java.util.List;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.PublishSettings;
import org.dpcurate.jobs.pipeline.PublishStep;

/**
 * Publishes each date's round for real devices: the oracle config for the date's committed candidates (the
 * mechanism chooser's pick for the expected report count unless --oracle names one) and what devices download.
 * The round's budget is checked against the fleet's ledger first (exit 5, nothing published; eps = inf is
 * refused). A published date is immutable.
 */
public final class PublishJob extends DatedJob {
  public static void main(String[] args) {
    JobRunner.main(new PublishJob(), args);
  }

  @Override
  public String name() {
    return "publish";
  }

  @Override
  public String summary() {
    return "publish a date's round for devices: its oracle config, the candidate list, and the bundle file each "
        + "device downloads (bundles/, docs/protocol.md \"Download bundle\")";
  }

  @Override
  List<Option<?>> stepOptions() {
    return CurationOptions.PUBLICATION;
  }

  @Override
  Steps plan(Cli cli) {
    PublishSettings settings = CurationOptions.publication(cli);
    Accounting accounting = CommonOptions.accounting(cli, false, 1e-9);
    return (run, dates) -> {
      PublishStep publish = new PublishStep(run, settings);
      return ds -> PublishStep.summary(publish.publish(ds, accounting.policy().samplingRateOf(run.campaign()),
          accounting));
    };
  }
}
