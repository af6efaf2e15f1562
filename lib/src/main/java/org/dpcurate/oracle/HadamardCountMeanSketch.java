package org.dpcurate.oracle;

import java.util.random.RandomGenerator;

/**
 * Apple's Hadamard count-mean sketch: the device picks a row j and a coefficient l, and sends one sign
 * H_m[l][h_j(v)] = (-1)^popcount(l & h_j(v)), flipped w.p. 1/(1+e^eps). The state is the sum of signs per (j, l);
 * decoding applies the (unnormalized, self-inverse up to m) Walsh-Hadamard transform to each row in exact
 * integer arithmetic.
 */
public final class HadamardCountMeanSketch extends SketchOracle {
  private static final long serialVersionUID = 1L;

  HadamardCountMeanSketch(OracleConfig config) {
    super(config, config.epsilon());
  }

  static int hadamard(int row, int column) {
    return (Integer.bitCount(row & column) & 1) == 0 ? 1 : -1;
  }

  @Override
  Report encode(int row, int bucket, RandomGenerator rng) {
    int coefficient = rng.nextInt(m);
    int sign = hadamard(coefficient, bucket);
    return Report.hcms(row, coefficient, bernoulli(rng, flip) ? -sign : sign);
  }

  @Override
  double bucketProbability(Report report, int bucket) {
    int sign = hadamard(report.value(), bucket);
    return (report.sign() == sign ? 1 - flip : flip) / ((double) k * m);
  }

  @Override
  public boolean supports(Report report, int value) {
    return report.sign() == hadamard(report.value(), bucket(value, report.hashIndex()));
  }

  @Override
  protected void validatePayload(Report report) {
    requireRange(InvalidReportException.Reason.HASH_INDEX_OUT_OF_RANGE, "hashIndex", report.hashIndex(), k);
    requireRange(InvalidReportException.Reason.VALUE_OUT_OF_RANGE, "value", report.value(), m);
    if (report.sign() != 1 && report.sign() != -1) {
      throw new InvalidReportException(
          InvalidReportException.Reason.BAD_SIGN, "sign must be +1 or -1, got: " + report.sign());
    }
  }

  @Override
  public int stateSize() {
    return k * m;
  }

  @Override
  public void accumulate(Report report, long[] state) {
    state[report.hashIndex() * m + report.value()] += report.sign();
  }

  @Override
  public double[] unbiasedCounts(long n, long[] state) {
    // Per report, c * sign * H[l][x] is an unbiased indicator that its bucket is x.
    double[] sums = new double[k * m];
    long[] row = new long[m];
    for (int j = 0; j < k; j++) {
      System.arraycopy(state, j * m, row, 0, m);
      WalshHadamard.transform(row);
      for (int x = 0; x < m; x++) {
        sums[j * m + x] = c * row[x];
      }
    }
    return SketchDecoding.readOut(sums, n, config);
  }

  /** Each report's term has square c^2 and mean equal to its collision indicator I, so Var = c^2 - E[I]^2. */
  @Override
  public double variance(long n, double count, double otherPairs) {
    double noise = n * c * c - count - (n - count) / m;
    return SketchDecoding.variance(noise, n, count, otherPairs, config);
  }

  @Override
  public double noiseVariance(long n, double count) {
    double scale = m / (m - 1.0);
    return scale * scale * (n * c * c - count - (n - count) / m);
  }

  @Override
  public int reportBits() {
    return LocalHashing.bitsFor(k) + LocalHashing.bitsFor(m) + 1;
  }

  @Override
  public double decodeOperations(long n) {
    double logM = LocalHashing.bitsFor(m);
    return (double) n + k * m * logM + (double) k * config.domainSize();
  }
}
