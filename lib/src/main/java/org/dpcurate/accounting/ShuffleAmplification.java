package org.dpcurate.accounting;

/**
 * Privacy amplification by shuffling, Feldman, McMillan and Talwar (FOCS 2021), Theorem 3.1: if n reports from
 * eps0-LDP randomizers are shuffled (or anonymized) before the server sees them, and eps0 <= log(n / (16
 * log(2/delta))), the shuffled reports are (eps, delta)-DP with
 * eps = log(1 + (e^eps0 - 1)/(e^eps0 + 1) (8 sqrt(e^eps0 log(4/delta)) / sqrt(n) + 8 e^eps0 / n)).
 * Outside that range the theorem gives nothing and the local eps0 stands.
 */
public final class ShuffleAmplification {
  private ShuffleAmplification() {}

  /** The central (eps, delta) bound, or eps0 itself when the theorem does not apply. */
  public static double centralEpsilon(double eps0, long n, double delta) {
    if (!(eps0 > 0)) {
      throw new IllegalArgumentException("eps0 must be > 0, got: " + eps0);
    }
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got: " + delta);
    }
    if (n < 1 || !applies(eps0, n, delta)) {
      return eps0;
    }
    double e = Math.exp(eps0);
    double bound = Math.log1p((e - 1) / (e + 1) * (8 * Math.sqrt(e * Math.log(4 / delta)) / Math.sqrt(n) + 8 * e / n));
    return Math.min(bound, eps0);
  }

  /** Whether the theorem's condition eps0 <= log(n / (16 log(2/delta))) holds. */
  public static boolean applies(double eps0, long n, double delta) {
    return Double.isFinite(eps0) && eps0 <= Math.log(n / (16 * Math.log(2 / delta)));
  }
}
