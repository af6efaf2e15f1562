package org.dpcurate.jobs;

import java.util.List;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.DiscoverOptions;
import org.dpcurate.jobs.options.DiscoverSettings;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.runtime.Sessions;
import org.dpcurate.jobs.simulation.DiscoveryRuns;

/**
 * Discovers popular unknown strings (prompt trends) over rounds with disjoint cohorts, by prefix-tree extension,
 * the Sequence Fragment Puzzle, or both; writes per-round candidate tables, the ranked discovered strings and, in
 * simulation, their scores against the truth.
 */
@SimulationJob
public final class DiscoverJob implements Job {
  public static void main(String[] args) {
    JobRunner.main(new DiscoverJob(), args);
  }

  @Override
  public String name() {
    return "discover";
  }

  @Override
  public String summary() {
    return "discover popular unknown strings (prompt trends) over rounds of device cohorts";
  }

  @Override
  public List<Option<?>> options() {
    return DiscoverOptions.ALL;
  }

  @Override
  public void run(Cli cli) {
    DiscoverSettings s = DiscoverOptions.settings(cli);
    CampaignRun run = new CampaignRun(Sessions.getOrCreate("dpcurate-discover"), s.run());
    System.out.print(DiscoveryRuns.run(run, s));
    String root = run.warehouse().root();
    System.out.println("outputs under " + root + " (tables discovered, discovery_rounds, discovery_truth, "
        + "reports, ledger); summaries under " + root + "/summaries/");
  }
}
