package org.dpcurate.estimation;

import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.HashedOracle;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleKind;

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

  /** Plain decoding: unbiased estimates, each with its plug-in variance. */
  public static FrequencyEstimates estimate(OracleAggregator aggregator) {
    return estimate(aggregator, Decoding.PLAIN);
  }

  /**
   * With {@link Decoding#COLLISION_AWARE} (FLH, CMS, HCMS only; anything else is refused) the estimates are solved
   * for the hash family in use ({@link CollisionAwareDecoding}) and carry the noise variance alone; with
   * {@link Decoding#PLAIN}, variances over a random family. {@link Decoding#appliedTo} picks the one that fits.
   */
  public static FrequencyEstimates estimate(OracleAggregator aggregator, Decoding decoding) {
    FrequencyOracle oracle = aggregator.oracle();
    long n = aggregator.reports();
    double[] est = aggregator.unbiasedCounts();
    if (decoding == Decoding.COLLISION_AWARE) {
      if (!(oracle instanceof HashedOracle hashed)) {
        throw new IllegalArgumentException("collision-aware decoding applies to "
            + OracleKind.listed(OracleKind.where(OracleKind::hashFamily), null, "and") + ", not "
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
