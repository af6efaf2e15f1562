package org.dpcurate.oracle;

import java.util.random.RandomGenerator;

/**
 * Apple's count-mean sketch: the device picks a row j, encodes +1 at h_j(v) and -1 elsewhere over m buckets,
 * flips each sign w.p. 1/(1+e^(eps/2)) and sends (j, m signs). The state counts, per row, the reports and the +1
 * signs per bucket, so merging is exact integer addition.
 */
public final class CountMeanSketch extends SketchOracle {
  private static final long serialVersionUID = 1L;

  CountMeanSketch(OracleConfig config) {
    super(config, config.epsilon() / 2);
  }

  @Override
  Report encode(int row, int hot, RandomGenerator rng) {
    byte[] bits = new byte[Report.bytesFor(m)];
    for (int l = 0; l < m; l++) {
      boolean plus = (l == hot) != bernoulli(rng, flip);
      if (plus) {
        bits[l >> 3] |= (byte) (1 << (l & 7));
      }
    }
    return Report.cms(row, bits);
  }

  @Override
  double bucketProbability(Report report, int hot) {
    double prob = 1.0 / k;
    for (int l = 0; l < m; l++) {
      prob *= report.bit(l) == (l == hot) ? 1 - flip : flip;
    }
    return prob;
  }

  @Override
  public boolean supports(Report report, int value) {
    return report.bit(bucket(value, report.hashIndex()));
  }

  @Override
  protected void validatePayload(Report report) {
    requireRange(InvalidReportException.Reason.HASH_INDEX_OUT_OF_RANGE, "hashIndex", report.hashIndex(), k);
    requireBits(report, m);
  }

  /** k*m counts of +1 signs, then k per-row report counts. */
  @Override
  int stateSize() {
    return k * m + k;
  }

  @Override
  void accumulate(Report report, long[] state) {
    int row = report.hashIndex();
    PureProtocol.countBits(report.bits(), state, row * m);
    state[k * m + row]++;
  }

  @Override
  Accumulator newAccumulator(long[] state) {
    BitSlicedCounts counts = new BitSlicedCounts(k, m);
    return new Accumulator() {
      @Override
      public void add(Report report) {
        int row = report.hashIndex();
        counts.add(row, report.bits(), state);
        state[k * m + row]++;
      }

      @Override
      public void flush() {
        counts.flush(state);
      }
    };
  }

  /** A +1 sign adds c - (c - 1)/2 = (c + 1)/2. */
  @Override
  double maxBucketTerm() {
    return (c + 1) / 2;
  }

  @Override
  double[] unbiasedCounts(long n, long[] state) {
    // Per report x in {-1,+1}: c/2 x + 1/2 is an unbiased indicator of its own bucket.
    double[] sums = new double[k * m];
    for (int j = 0; j < k; j++) {
      double rowReports = state[k * m + j];
      for (int l = 0; l < m; l++) {
        sums[j * m + l] = c * state[j * m + l] - (c - 1) / 2 * rowReports;
      }
    }
    return SketchDecoding.readOut(sums, n, config);
  }

  @Override
  public double variance(long n, double count, double otherPairs) {
    return SketchDecoding.variance(n * (c * c - 1) / 4, n, count, otherPairs, config);
  }

  @Override
  public double noiseVariance(long n, double count) {
    double scale = m / (m - 1.0);
    return scale * scale * n * (c * c - 1) / 4;
  }

  @Override
  public int reportBits() {
    return LocalHashing.bitsFor(k) + m;
  }

  @Override
  double decodeOperations(long n) {
    return (double) n * m + (double) k * config.domainSize();
  }
}
