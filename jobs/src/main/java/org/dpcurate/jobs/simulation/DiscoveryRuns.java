package org.dpcurate.jobs.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpcurate.simulation.discovery.DiscoveryEvaluation;
import org.dpcurate.discovery.DiscoveryResult;
import org.dpcurate.discovery.FragmentPuzzleDiscovery;
import org.dpcurate.discovery.PrefixTreeDiscovery;
import org.dpcurate.simulation.discovery.PromptPopulation;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.DiscoverOptions;
import org.dpcurate.jobs.options.DiscoverSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.DiscoveredTable;
import org.dpcurate.jobs.tables.DiscoveryRoundsTable;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * String discovery over simulated device cohorts: each method runs its rounds through the warehouse
 * ({@link DiscoveryChannel}), its per-round candidates and discovered strings are committed, then every output is
 * scored against the simulated truth.
 */
public final class DiscoveryRuns {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRuns.class);

  private DiscoveryRuns() {}

  /** One method's run and its score. */
  record MethodRun(DiscoverSettings.Method method, String campaign, DiscoveryResult result,
      DiscoveryEvaluation evaluation,
      LocalDate lastDs, double seconds) {}

  /** Runs every method of {@code s}; returns the console report. */
  public static String run(CampaignRun base, DiscoverSettings s) {
    PromptPopulation population = new PromptPopulation(s.population());
    long devices = s.population().devices();
    List<MethodRun> runs = new ArrayList<>();
    for (DiscoverSettings.Method method : s.methods()) {
      CampaignRun run = base.forCampaign(s.campaignOf(method));
      int rounds = s.roundsOf(method);
      DiscoveryChannel channel = new DiscoveryChannel(run, population, s, rounds);
      LOG.info("{}: {} over {} devices in {} rounds from {}, eps {} per device", run.campaign(), method.label(),
          devices, rounds, s.start(), s.discovery().epsilon());
      long t = System.nanoTime();
      DiscoveryResult result = Cli.validated(DiscoverOptions.METHOD, () -> method == DiscoverSettings.Method.PREFIX_TREE
          ? PrefixTreeDiscovery.run(population.vocabulary(), s.population().maxWords(), devices, s.discovery(),
              channel)
          : FragmentPuzzleDiscovery.run(population.vocabulary(), s.population().maxWords(), devices, s.discovery(),
              channel));
      double seconds = Timing.seconds(t);
      LocalDate lastDs = channel.dateOf(result.rounds().get(result.rounds().size() - 1).round());
      DiscoveryRoundsTable.write(run.warehouse(), run.campaign(), result, channel::dateOf);
      DiscoveredTable.write(run.warehouse(), run.campaign(), result, lastDs);
      runs.add(new MethodRun(method, run.campaign(), result, null, lastDs, seconds));
    }
    // Simulation only: exact counts of every string over the population, to score the outputs.
    long floor = (long) Math.ceil(s.evaluateShare() * devices / 5);
    Set<String> outputs = new HashSet<>();
    runs.forEach(r -> r.result().discovered().forEach(d -> outputs.add(d.text())));
    Warehouse w = base.warehouse();
    Map<String, Long> truth = DiscoveryTruth.count(w.spark(), population, devices, s.run().seed(), floor, outputs);
    List<MethodRun> scored = new ArrayList<>();
    for (MethodRun r : runs) {
      DiscoveryEvaluation e = DiscoveryEvaluation.of(r.result().discovered(), truth, devices, s.evaluateShare());
      Set<String> found = new HashSet<>();
      r.result().discovered().forEach(d -> found.add(d.text()));
      DiscoveryTruthTable.write(w, r.campaign(), truth, devices, floor, found);
      MethodRun done = new MethodRun(r.method(), r.campaign(), r.result(), e, r.lastDs(), r.seconds());
      scored.add(done);
      w.writeText(w.root() + "/summaries/" + r.campaign() + ".json", DiscoverReport.summaryJson(s, done));
    }
    return DiscoverReport.table(s, scored);
  }
}
