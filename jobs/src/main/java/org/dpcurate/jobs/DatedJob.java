package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.RunSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.runtime.Backfill;
import org.dpcurate.jobs.runtime.Sessions;

/**
 * A curation job that processes dates: {@code --ds D} or a {@code --from/--to} backfill, in order, one outcome line
 * per date ({@link Backfill}). Subclasses declare their own options and say what one date's step is.
 */
abstract class DatedJob implements Job {
  /** One date's work once the run has started; made once per run, before the first date. */
  interface Steps {
    Function<LocalDate, String> start(CampaignRun run, List<LocalDate> dates);
  }

  /** The options of this job's step, between the run's and the dates'. */
  abstract List<Option<?>> stepOptions();

  /** The campaign option (curation jobs: default demo). */
  Option<String> campaignOption() {
    return CurationOptions.CAMPAIGN;
  }

  /** Reads and validates this job's options (no Spark yet) and returns its steps. */
  abstract Steps plan(Cli cli);

  @Override
  public final List<Option<?>> options() {
    List<Option<?>> all = new ArrayList<>(List.of(CommonOptions.WAREHOUSE, campaignOption()));
    all.addAll(stepOptions());
    all.addAll(CommonOptions.DATES);
    return all;
  }

  @Override
  public final void run(Cli cli) {
    RunSettings settings = RunSettings.from(cli, campaignOption());
    Steps steps = plan(cli);
    List<LocalDate> dates = CommonOptions.dates(cli);
    CampaignRun run = new CampaignRun(Sessions.getOrCreate("dpcurate-" + name()), settings);
    Backfill.run(name(), dates, steps.start(run, dates));
  }
}
