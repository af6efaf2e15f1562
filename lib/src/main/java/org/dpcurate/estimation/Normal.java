package org.dpcurate.estimation;

/** Standard normal tail probabilities. */
public final class Normal {
  private Normal() {}

  /**
   * P(Z > z) for a standard normal Z, via the complementary error function of Numerical Recipes (erfcc, fractional
   * error below 1.2e-7 everywhere), which keeps relative accuracy in the far tail that multiple testing reads.
   */
  public static double upperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /** The z with P(Z > z) = p, for p in (0, 1/2], by bisection on {@link #upperTail} over [0, 40]. */
  public static double upperTailInverse(double p) {
    double lo = 0;
    double hi = 40;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (upperTail(mid) > p) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
