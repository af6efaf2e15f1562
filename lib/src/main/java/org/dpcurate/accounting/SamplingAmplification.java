package org.dpcurate.accounting;

/**
 * Privacy amplification by sampling: a round that polls each opted-in device independently with probability q
 * (the device decides, from a published rate, and the server does not learn who was polled but did not report) is
 * ln(1 + q (e^eps - 1))-DP for every device when its randomizer is eps-LDP (Balle, Barthe and Gaboardi 2018,
 * Theorem 9, Poisson subsampling). The bound is at most eps and equals eps at q = 1.
 */
public final class SamplingAmplification {
  private SamplingAmplification() {}

  public static double epsilon(double eps, double q) {
    if (!(eps > 0)) {
      throw new IllegalArgumentException("eps must be > 0, got: " + eps);
    }
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("sampling rate must be in (0, 1], got: " + q);
    }
    if (q == 1 || Double.isInfinite(eps)) {
      return eps;
    }
    return Math.log1p(q * Math.expm1(eps));
  }
}
