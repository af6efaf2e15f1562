package org.dpcurate.estimation;

import org.dpcurate.oracle.FrequencyOracle;

/**
 * Turns an oracle's merged state into unbiased counts with plug-in variances.
 *
 * <p>The collision terms of the hashed oracles need P = sum_u f(u)(f(u)-1). Squared estimates overshoot it by
 * their variance (E[est^2] = f^2 + Var), and Var itself grows linearly with P, so P solves
 * P = sum_v (est_v^2 - est_v - Var_v(P)), whose closed form is below. Summing before clipping keeps the
 * thousands of near-zero candidates from adding their positive noise to P.
 */
public final class FrequencyEstimator {
  private FrequencyEstimator() {}

  public static FrequencyEstimates estimate(FrequencyOracle oracle, long n, long[] state) {
    return estimate(oracle, n, state, false);
  }

  /**
   * With {@code collisionAware} (FLH, CMS, HCMS only), the estimates are solved for the hash family in use
   * ({@link CollisionAwareDecoding}) and carry the noise variance alone; otherwise plain decoding with variances
   * over a random family.
   */
  public static FrequencyEstimates estimate(FrequencyOracle oracle, long n, long[] state, boolean collisionAware) {
    double[] est = oracle.unbiasedCounts(n, state);
    if (collisionAware) {
      if (!(oracle instanceof org.dpcurate.oracle.HashedOracle hashed)) {
        throw new IllegalArgumentException("collision-aware decoding applies to FLH, CMS and HCMS, not "
            + oracle.kind());
      }
      double[] solved = CollisionAwareDecoding.solve(hashed, est);
      double[] variances = new double[solved.length];
      for (int v = 0; v < solved.length; v++) {
        variances[v] = oracle.noiseVariance(n, Math.min(Math.max(solved[v], 0), n));
      }
      return new FrequencyEstimates(n, solved, variances);
    }
    int k = est.length;
    // Var(n, f, P) is affine in f and in P; the slope in P is zero for the unhashed oracles.
    double slope = oracle.variance(n, 0, 1) - oracle.variance(n, 0, 0);
    double[] pairs = new double[k];
    double excess = 0;
    for (int v = 0; v < k; v++) {
      pairs[v] = est[v] * est[v] - est[v] - oracle.variance(n, est[v], 0);
      excess += pairs[v];
    }
    double totalPairs = Math.max(0, excess / (1 + k * slope));
    double[] variances = new double[k];
    for (int v = 0; v < k; v++) {
      double plugIn = Math.min(Math.max(est[v], 0), n);
      double own = Math.max(0, pairs[v] - slope * totalPairs);
      variances[v] = oracle.variance(n, plugIn, Math.max(0, totalPairs - own));
    }
    return new FrequencyEstimates(n, est, variances);
  }
}
