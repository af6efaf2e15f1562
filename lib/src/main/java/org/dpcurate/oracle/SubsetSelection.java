package org.dpcurate.oracle;

import java.util.random.RandomGenerator;

/**
 * Subset selection (Wang et al. 2016; Ye and Barg 2018): the device reports d = round(K/(e^eps+1)) distinct
 * candidates (at least 1, at most K-1). With probability p = d e^eps / (d e^eps + K - d) the subset holds its true
 * candidate and d-1 uniform others, otherwise d uniform others. Every subset that contains v is e^eps times as
 * likely as one that does not, which is the whole budget; the error is of optimal order for mid-range eps. The
 * report is the subset as a K-bit map, aggregated like OUE.
 */
public final class SubsetSelection extends BitmapOracle {
  private static final long serialVersionUID = 1L;

  private final int d;

  SubsetSelection(OracleConfig config) {
    super(config, keep(config), other(config));
    d = size(config);
  }

  private static int size(OracleConfig config) {
    int k = config.domainSize();
    return (int) Math.max(1, Math.min(k - 1, Math.round(k / (Math.exp(config.epsilon()) + 1))));
  }

  /** p = d e^eps / (d e^eps + K - d). */
  private static double keep(OracleConfig config) {
    int d = size(config);
    double e = Math.exp(config.epsilon());
    return d * e / (d * e + config.domainSize() - d);
  }

  /** q = (p (d-1) + (1-p) d) / (K-1). */
  private static double other(OracleConfig config) {
    int d = size(config);
    double p = keep(config);
    return (p * (d - 1) + (1 - p) * d) / (config.domainSize() - 1);
  }

  /** The subset size d. */
  public int subsetSize() {
    return d;
  }

  @Override
  public Report randomize(int value, RandomGenerator rng) {
    requireInDomain(value);
    int k = config.domainSize();
    byte[] bits = new byte[Report.bytesFor(k)];
    int others = d;
    if (rng.nextDouble() < p) {
      set(bits, value);
      others = d - 1;
    }
    // Floyd's sampling of `others` distinct values among the K-1 candidates other than `value`.
    for (int j = k - 1 - others; j < k - 1; j++) {
      int t = rng.nextInt(j + 1);
      int candidate = skip(t, value);
      set(bits, isSet(bits, candidate) ? skip(j, value) : candidate);
    }
    return Report.ss(bits);
  }

  private static int skip(int other, int value) {
    return other >= value ? other + 1 : other;
  }

  private static void set(byte[] bits, int i) {
    bits[i >> 3] |= (byte) (1 << (i & 7));
  }

  private static boolean isSet(byte[] bits, int i) {
    return ((bits[i >> 3] >> (i & 7)) & 1) != 0;
  }

  @Override
  public double outputProbability(Report report, int value) {
    int k = config.domainSize();
    return report.bit(value)
        ? Math.exp(Math.log(p) - logBinomial(k - 1, d - 1))
        : Math.exp(Math.log(1 - p) - logBinomial(k - 1, d));
  }

  private static double logBinomial(int n, int r) {
    double s = 0;
    for (int i = 1; i <= r; i++) {
      s += Math.log(n - r + i) - Math.log(i);
    }
    return s;
  }

  @Override
  protected void validatePayload(Report report) {
    requireBits(report, config.domainSize());
    int ones = 0;
    for (byte b : report.bits()) {
      ones += Integer.bitCount(b & 0xFF);
    }
    if (ones != d) {
      throw new InvalidReportException(InvalidReportException.Reason.BAD_BITS,
          "a subset-selection report names exactly " + d + " candidates, got: " + ones);
    }
  }

  @Override
  double decodeOperations(long n) {
    return (double) n * d + config.domainSize();
  }
}
