package org.dpcurate.estimation;

import java.io.Serializable;

/**
 * Per-candidate count estimates with their variances, from {@code reports} reports. Intervals use the normal
 * approximation, which the estimators' sums of many independent bounded terms justify.
 */
public record FrequencyEstimates(long reports, double[] estimates, double[] variances) implements Serializable {

  /** z for a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  public FrequencyEstimates {
    if (estimates.length != variances.length) {
      throw new IllegalArgumentException("estimates and variances differ in length");
    }
  }

  public int size() {
    return estimates.length;
  }

  public double estimate(int candidate) {
    return estimates[candidate];
  }

  public double standardError(int candidate) {
    return Math.sqrt(variances[candidate]);
  }

  public double lower(int candidate, double z) {
    return estimates[candidate] - z * standardError(candidate);
  }

  public double upper(int candidate, double z) {
    return estimates[candidate] + z * standardError(candidate);
  }

  /** The same variances with other point estimates (after post-processing). */
  public FrequencyEstimates withEstimates(double[] adjusted) {
    return new FrequencyEstimates(reports, adjusted, variances);
  }
}
