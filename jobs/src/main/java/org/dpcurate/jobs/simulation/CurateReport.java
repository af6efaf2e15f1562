package org.dpcurate.jobs.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dpcurate.evaluation.RoundMetrics;
import org.dpcurate.evaluation.UtilityMetrics;
import org.dpcurate.jobs.warehouse.Json;

/** A curate run's per-round table, as printed and as {@code summaries/<campaign>.json}. */
public final class CurateReport {
  private CurateReport() {}

  /**
   * The console tables: one line per variant and round with the curation scores, then the same lines (and the
   * private-data upper bound) with the curated set's downstream utility.
   */
  public static String table(List<MetricsTable.RoundRow> rows) {
    StringBuilder out = new StringBuilder(String.format("%n%-17s %5s %s%n", "variant", "eps",
        RoundMetrics.header()));
    for (MetricsTable.RoundRow r : rows) {
      if (!Double.isNaN(r.metrics().coverage())) { // every scored round; not the references (private data)
        out.append(String.format("%-17s %5s %s%n", r.variant(), eps(r), r.metrics().row()));
      }
    }
    out.append(String.format("%n%-17s %5s %5s %6s %s%n", "variant", "eps", "round", "train",
        UtilityMetrics.header()));
    for (MetricsTable.RoundRow r : rows) {
      if (r.utility() != null) {
        out.append(String.format("%-17s %5s %5d %6d %s%n", r.variant(), eps(r), r.metrics().round(),
            r.utility().trainingSize(), r.utility().row()));
      }
    }
    for (MetricsTable.RoundRow r : rows) {
      if (r.download() != null && r.download().segments() > 1 && r.metrics().round() == 1) {
        out.append(String.format(Locale.ROOT, "%n%-17s devices download 1 of %d segments: %,d bytes a device",
            r.variant(), r.download().segments(), r.download().bytesPerDevice()));
      }
      if (r.download() != null && r.download().projectedAxes() > 0 && r.metrics().round() == 1) {
        out.append(String.format(Locale.ROOT, "%n%-17s devices download the pool projected on %d axes: %,d bytes "
            + "a device", r.variant(), r.download().projectedAxes(), r.download().bytesPerDevice()));
      }
    }
    for (MetricsTable.RoundRow r : rows) {
      if (r.attack() != null) {
        out.append(String.format(Locale.ROOT, "%n%-17s round %d: attack target %s, estimated share %.4f, %s",
            r.variant(), r.metrics().round(), r.attack().target(), r.attack().share(),
            r.attack().selected() ? "SELECTED" : "not selected"));
        if (r.attack().attested() != null) {
          out.append(String.format(Locale.ROOT, " (%,d fake uploads with a token, %,d refused without one)",
              r.attack().attested(), r.attack().refused()));
        }
      }
    }
    return out.append(String.format("%n")).toString();
  }

  private static String eps(MetricsTable.RoundRow r) {
    return r.config() == null ? "-" : Double.isInfinite(r.config().epsilon()) ? "inf"
        : String.format(Locale.ROOT, "%.2g", r.config().epsilon());
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
      UtilityMetrics u = r.utility();
      if (u != null) {
        row.put("training_size", u.trainingSize());
        row.put("topic_accuracy", u.topicAccuracy());
        row.put("topic_macro_f1", u.topicMacroF1());
        row.put("language_accuracy", u.languageAccuracy());
        row.put("gap_closed", u.gapClosed());
        row.put("frechet_distance", u.frechetDistance());
        row.put("knn_precision", u.precision());
        row.put("knn_recall", u.recall());
      }
      if (r.download() != null) {
        row.put("segments", r.download().segments());
        row.put("download_bytes", r.download().bytesPerDevice());
        row.put("projected_axes", r.download().projectedAxes());
      }
      if (r.attack() != null) {
        row.put("attack_target", r.attack().target());
        row.put("attack_target_share", r.attack().share());
        row.put("attack_target_selected", r.attack().selected());
        if (r.attack().attested() != null) {
          row.put("fake_uploads_attested", r.attack().attested());
          row.put("fake_uploads_refused", r.attack().refused());
        }
      }
      if (r.attackGain() != null) {
        row.put("attack_gain", r.attackGain());
      }
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
