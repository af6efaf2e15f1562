package org.dpcurate.jobs.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dpcurate.evaluation.RoundMetrics;
import org.dpcurate.jobs.warehouse.Json;

/** A curate run's per-round table, as printed and as {@code summaries/<campaign>.json}. */
public final class CurateReport {
  private CurateReport() {}

  /** The console table, one line per variant and round. */
  public static String table(List<MetricsTable.RoundRow> rows) {
    StringBuilder out = new StringBuilder(String.format("%n%-11s %5s %s%n", "variant", "eps",
        RoundMetrics.header()));
    for (MetricsTable.RoundRow r : rows) {
      String eps = r.config() == null ? "-" : Double.isInfinite(r.config().epsilon()) ? "inf"
          : String.format(Locale.ROOT, "%.2g", r.config().epsilon());
      out.append(String.format("%-11s %5s %s%n", r.variant(), eps, r.metrics().row()));
    }
    return out.toString();
  }

  /** The summary: the run's settings, wall time and every row's figures. */
  public static String summaryJson(String campaign, int rounds, long devicesPerRound, int candidates,
      double epsilon, long seed, double seconds, List<MetricsTable.RoundRow> rows) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("campaign", campaign);
    summary.put("rounds", rounds);
    summary.put("devices_per_round", devicesPerRound);
    summary.put("candidates", candidates);
    summary.put("epsilon", Double.isInfinite(epsilon) ? "Infinity" : (Object) epsilon);
    summary.put("seed", seed);
    summary.put("wall_seconds", round(seconds, 1));
    List<Object> table = new ArrayList<>();
    for (MetricsTable.RoundRow r : rows) {
      RoundMetrics m = r.metrics();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("variant", r.variant());
      row.put("round", m.round());
      row.put("oracle", r.config() == null ? null : r.config().kind().name());
      row.put("selected", m.selected());
      row.put("total_variation", m.totalVariation());
      row.put("coverage", m.coverage());
      row.put("pool_coverage", m.poolCoverage());
      row.put("top_k_recall", m.topKRecall());
      row.put("mean_abs_z", m.meanAbsZ());
      row.put("interval_coverage", m.intervalCoverage());
      row.put("simulate_seconds", round(r.simulateSeconds(), 2));
      row.put("estimate_seconds", round(r.estimateSeconds(), 2));
      row.put("refine_seconds", round(r.refineSeconds(), 2));
      table.add(row);
    }
    summary.put("rounds_table", table);
    return Json.write(summary) + "\n";
  }

  static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }
}
