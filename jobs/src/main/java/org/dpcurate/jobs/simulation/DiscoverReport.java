package org.dpcurate.jobs.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dpcurate.discovery.DiscoveredString;
import org.dpcurate.simulation.discovery.DiscoveryEvaluation;
import org.dpcurate.discovery.RoundSummary;
import org.dpcurate.jobs.options.DiscoverSettings;
import org.dpcurate.jobs.warehouse.Json;

/** A discover run's score per method and top strings, as printed and as {@code summaries/<campaign>.json}. */
final class DiscoverReport {
  private static final int SHOWN = 15;

  private DiscoverReport() {}

  static String table(DiscoverSettings s, List<DiscoveryRuns.MethodRun> runs) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%n%d devices, eps %s per device, %d-word vocabulary, strings of %d-%d words%n", s.population().devices(),
        s.discovery().epsilon(), s.population().vocabularySize(), s.population().minWords(),
        s.population().maxWords()));
    out.append(String.format(Locale.ROOT, "%-12s %6s %7s %7s %7s %7s %6s %6s %8s%n", "method", "rounds", "output",
        "popular", "found", "recall", "false", "below", "seconds"));
    for (DiscoveryRuns.MethodRun r : runs) {
      DiscoveryEvaluation e = r.evaluation();
      out.append(String.format(Locale.ROOT, "%-12s %6d %7d %7d %7d %7.3f %6d %6d %8.1f%n", r.method().label(),
          r.result().rounds().size(), e.output(), e.popular(), e.found(), e.recall(), e.falseDiscoveries(),
          e.belowThreshold(), r.seconds()));
    }
    out.append(String.format(Locale.ROOT, "(popular: true share >= %.3g; false: output held by no device; below: "
        + "output held by fewer)%n", s.evaluateShare()));
    for (DiscoveryRuns.MethodRun r : runs) {
      out.append(String.format(Locale.ROOT, "%n%s: top discovered strings (share, 95%% interval)%n",
          r.method().label()));
      List<DiscoveredString> found = r.result().discovered();
      for (DiscoveredString d : found.subList(0, Math.min(SHOWN, found.size()))) {
        out.append(String.format(Locale.ROOT, "  %3d  %-44s %6.3f%%  [%6.3f%%, %6.3f%%]  round %d%n", d.rank(),
            d.text(), 100 * d.share(), 100 * d.shareLow(), 100 * d.shareHigh(), d.round()));
      }
      if (!r.evaluation().missed().isEmpty()) {
        out.append("  missed: ").append(r.evaluation().missed()).append('\n');
      }
    }
    return out.toString();
  }

  static String summaryJson(DiscoverSettings s, DiscoveryRuns.MethodRun r) {
    DiscoveryEvaluation e = r.evaluation();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("campaign", r.campaign());
    summary.put("method", r.method().label());
    summary.put("devices", s.population().devices());
    summary.put("epsilon_per_device", s.discovery().epsilon());
    summary.put("seed", s.run().seed());
    summary.put("wall_seconds", CurateReport.round(r.seconds(), 1));
    summary.put("evaluate_share", s.evaluateShare());
    summary.put("popular", e.popular());
    summary.put("found", e.found());
    summary.put("recall", e.recall());
    summary.put("output", e.output());
    summary.put("false_discoveries", e.falseDiscoveries());
    summary.put("false_discovery_share", e.falseDiscoveryShare());
    summary.put("below_threshold", e.belowThreshold());
    List<Object> rounds = new ArrayList<>();
    for (RoundSummary x : r.result().rounds()) {
      Map<String, Object> round = new LinkedHashMap<>();
      round.put("round", x.round());
      round.put("stage", x.stage());
      round.put("devices", x.devices());
      round.put("oracle", x.oracle().kind().name());
      round.put("epsilon", x.oracle().epsilon());
      round.put("candidates", x.candidates());
      round.put("selected", x.selected());
      round.put("carried_on", x.extended());
      round.put("pruned_by_cap", x.prunedByCap());
      round.put("discovered", x.discovered());
      round.put("seconds", CurateReport.round(x.seconds(), 2));
      rounds.add(round);
    }
    summary.put("rounds", rounds);
    return Json.write(summary) + "\n";
  }
}
