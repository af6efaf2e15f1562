package org.dpcurate.estimation;

import java.util.Arrays;
import java.util.Locale;

/**
 * Consistency post-processing of count estimates (Wang et al., NDSS 2020). It is free under DP because it only
 * reads the estimates. It trades unbiasedness for lower error, so the reported standard errors stay those of the
 * raw estimates.
 */
public enum PostProcessing {
  /** Raw unbiased estimates. */
  NONE,
  /** Negative estimates set to 0. */
  CLIP,
  /** Norm-Sub: subtract one delta from every estimate, clip at 0, so the positive estimates sum to n. */
  NORM_SUB;

  public static PostProcessing parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "post-processing must be one of " + Arrays.toString(values()) + ", got: " + name, e);
    }
  }

  public double[] apply(double[] estimates, long total) {
    return switch (this) {
      case NONE -> estimates.clone();
      case CLIP -> Arrays.stream(estimates).map(e -> Math.max(e, 0)).toArray();
      case NORM_SUB -> normSub(estimates, total);
    };
  }

  public FrequencyEstimates apply(FrequencyEstimates estimates) {
    return this == NONE ? estimates : estimates.withEstimates(apply(estimates.estimates(), estimates.reports()));
  }

  /**
   * Finds delta with sum_v max(est_v - delta, 0) = total by walking the sorted estimates: O(K log K). If the
   * positive part already sums below the total, delta is negative and mass is added to the positive entries.
   */
  static double[] normSub(double[] estimates, long total) {
    if (total <= 0) {
      return new double[estimates.length];
    }
    double[] sorted = estimates.clone();
    Arrays.sort(sorted);
    int k = sorted.length;
    double suffix = 0;
    double delta = Double.NaN;
    // Keep the top i entries: delta = (sum of top i - total) / i, valid if it lies between the cut neighbours.
    for (int i = 1; i <= k; i++) {
      double next = sorted[k - i];
      suffix += next;
      double candidate = (suffix - total) / i;
      double below = i < k ? sorted[k - i - 1] : Double.NEGATIVE_INFINITY;
      if (candidate < next && candidate >= below) {
        delta = candidate;
        break;
      }
    }
    if (Double.isNaN(delta)) {
      delta = (suffix - total) / k;
    }
    double[] out = new double[k];
    for (int v = 0; v < k; v++) {
      out[v] = Math.max(estimates[v] - delta, 0);
    }
    return out;
  }
}
