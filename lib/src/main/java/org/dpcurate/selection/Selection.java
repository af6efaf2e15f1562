package org.dpcurate.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.Normal;
import org.dpcurate.estimation.PostProcessing;

/**
 * Ranks a round's candidates and selects the significantly popular ones. Each candidate is tested against
 * "nobody chose it" with its own standard error; the Benjamini-Hochberg step-up procedure keeps the expected share
 * of false discoveries among the significant candidates at most {@code fdr} across all K tests; a minimum
 * estimated count can demand more ("hundreds of devices").
 *
 * @param fdr false discovery rate in (0, 1)
 * @param minCount minimum estimated count for selection, >= 0
 * @param confidence two-sided interval level in (0, 1)
 * @param postProcessing how shares are made consistent
 */
public record Selection(double fdr, double minCount, double confidence, PostProcessing postProcessing) {

  public Selection {
    if (!(fdr > 0 && fdr < 1)) {
      throw new IllegalArgumentException("fdr must be in (0, 1), got: " + fdr);
    }
    if (!(minCount >= 0) || Double.isInfinite(minCount)) {
      throw new IllegalArgumentException("minCount must be finite and >= 0, got: " + minCount);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got: " + confidence);
    }
  }

  public static Selection defaults() {
    return new Selection(0.05, 0, 0.95, PostProcessing.NORM_SUB);
  }

  /** z with P(|Z| <= z) = confidence. */
  public double z() {
    return Normal.upperTailInverse((1 - confidence) / 2);
  }

  /** Rows in rank order (highest estimate first; ties by lower index). */
  public List<RankedCandidate> rank(FrequencyEstimates estimates) {
    int k = estimates.size();
    long n = estimates.reports();
    double z = z();
    double[] shares = postProcessing.apply(estimates.estimates(), n);
    double[] p = new double[k];
    for (int v = 0; v < k; v++) {
      double se = estimates.standardError(v);
      p[v] = se > 0 ? Normal.upperTail(estimates.estimate(v) / se) : (estimates.estimate(v) > 0 ? 0 : 1);
    }
    boolean[] significant = benjaminiHochberg(p, fdr);
    Integer[] order = new Integer[k];
    for (int v = 0; v < k; v++) {
      order[v] = v;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer v) -> -estimates.estimate(v)).thenComparingInt(v -> v));
    List<RankedCandidate> rows = new ArrayList<>(k);
    for (int r = 0; r < k; r++) {
      int v = order[r];
      double est = estimates.estimate(v);
      double se = estimates.standardError(v);
      rows.add(new RankedCandidate(v, est, se, est - z * se, est + z * se, n > 0 ? shares[v] / n : 0, p[v], r + 1,
          significant[v], significant[v] && est >= minCount));
    }
    return rows;
  }

  /** Benjamini-Hochberg: reject the i smallest p-values for the largest i with p_(i) <= i q / K. */
  static boolean[] benjaminiHochberg(double[] p, double q) {
    int k = p.length;
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
    int cut = 0;
    for (int i = 1; i <= k; i++) {
      if (p[order[i - 1]] <= (double) i * q / k) {
        cut = i;
      }
    }
    boolean[] out = new boolean[k];
    for (int i = 0; i < cut; i++) {
      out[order[i]] = true;
    }
    return out;
  }
}
