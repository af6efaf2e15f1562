package org.dpcurate.simulation.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dpcurate.discovery.DiscoveredString;

/**
 * Scores a discovery output against the simulation's truth (exact counts of every string over the population).
 *
 * @param popular strings whose true share is at least the threshold
 * @param found those of them in the output
 * @param output strings in the output
 * @param falseDiscoveries output strings no device holds
 * @param belowThreshold output strings held by some devices but below the threshold share
 * @param missed the popular strings not found, most popular first
 */
public record DiscoveryEvaluation(double threshold, int popular, int found, int output, int falseDiscoveries,
    int belowThreshold, List<String> missed) {

  public double recall() {
    return popular == 0 ? Double.NaN : (double) found / popular;
  }

  public double falseDiscoveryShare() {
    return output == 0 ? 0 : (double) falseDiscoveries / output;
  }

  public static DiscoveryEvaluation of(List<DiscoveredString> discovered, Map<String, Long> truth, long devices,
      double threshold) {
    java.util.Set<String> out = new java.util.HashSet<>();
    int falseDiscoveries = 0;
    int below = 0;
    for (DiscoveredString d : discovered) {
      out.add(d.text());
      long count = truth.getOrDefault(d.text(), 0L);
      if (count == 0) {
        falseDiscoveries++;
      } else if (count < threshold * devices) {
        below++;
      }
    }
    List<Map.Entry<String, Long>> popular = new ArrayList<>();
    for (Map.Entry<String, Long> e : truth.entrySet()) {
      if (e.getValue() >= threshold * devices) {
        popular.add(e);
      }
    }
    popular.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    int found = 0;
    List<String> missed = new ArrayList<>();
    for (Map.Entry<String, Long> e : popular) {
      if (out.contains(e.getKey())) {
        found++;
      } else {
        missed.add(e.getKey());
      }
    }
    return new DiscoveryEvaluation(threshold, popular.size(), found, discovered.size(), falseDiscoveries, below,
        List.copyOf(missed));
  }

  public String summary() {
    return String.format(java.util.Locale.ROOT, "share >= %.3g: %d strings, found %d (recall %.3f); output %d, "
            + "false discoveries %d (%.3f), below threshold %d", threshold, popular, found, recall(), output,
        falseDiscoveries, falseDiscoveryShare(), belowThreshold);
  }
}
