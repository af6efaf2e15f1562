package org.dpcurate.oracle;

/**
 * Estimation for "pure" protocols (Wang et al. 2017): a device holding v supports v with probability p, a device
 * holding any other value supports v with probability q. GRR, OUE and OLH are pure; FLH is pure up to the
 * hash collisions shared by devices that drew the same pool seed.
 */
final class PureProtocol {
  private PureProtocol() {}

  /** Adds 1 to {@code state[offset + i]} for every set bit i of {@code bits}. */
  static void countBits(byte[] bits, long[] state, int offset) {
    for (int b = 0; b < bits.length; b++) {
      int word = bits[b] & 0xFF;
      while (word != 0) {
        state[offset + (b << 3) + Integer.numberOfTrailingZeros(word)]++;
        word &= word - 1;
      }
    }
  }

  static double estimate(double supports, long n, double p, double q) {
    return (supports - n * q) / (p - q);
  }

  /** {@link #estimate} for every candidate's support count. */
  static double[] estimates(long[] supports, long n, double p, double q) {
    double[] est = new double[supports.length];
    for (int v = 0; v < est.length; v++) {
      est[v] = estimate(supports[v], n, p, q);
    }
    return est;
  }

  /** A supporting report adds (1 - q)/(p - q) to the candidate's estimate, the most any report adds. */
  static double fakeReportGain(double p, double q) {
    return (1 - q) / (p - q);
  }

  /** Var = (n q(1-q) + f (p(1-p) - q(1-q))) / (p-q)^2, exact for independent devices. */
  static double variance(long n, double count, double p, double q) {
    return (n * q * (1 - q) + count * (p * (1 - p) - q * (1 - q))) / ((p - q) * (p - q));
  }
}
