package org.dpcurate.oracle;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Apple's Hadamard count-mean sketch: the device picks a row j and a coefficient l, and sends one sign
 * H_m[l][h_j(v)] = (-1)^popcount(l & h_j(v)), flipped w.p. 1/(1+e^eps). The state is the sum of signs per (j, l),
 * i.e. each row's Walsh-Hadamard coefficients. The rows hash with the affine family of {@link AffineHashFamily},
 * so the read-out sum_j M[j][h_j(v)] for all K candidates is one transform of size 2^d >= K (O(k m + K log K)),
 * where per-row transforms and k x K look-ups grew with K twice (the default k grows with K).
 */
public final class HadamardCountMeanSketch extends SketchOracle {
  private static final long serialVersionUID = 1L;

  private final AffineHashFamily family;

  HadamardCountMeanSketch(OracleConfig config) {
    super(config, config.epsilon());
    family = new AffineHashFamily(config.hashSalt(), k, m, config.domainSize());
  }

  @Override
  protected int bucket(int value, int row) {
    return family.bucket(row, value);
  }

  @Override
  public Optional<UnaryOperator<double[]>> collisionSums() {
    return Optional.of(family.collisionSums(config.domainSize()));
  }

  static int hadamard(int row, int column) {
    return (Integer.bitCount(row & column) & 1) == 0 ? 1 : -1;
  }

  @Override
  Report encode(int row, int bucket, RandomGenerator rng) {
    return encode(row, rng.nextInt(m), bucket, rng);
  }

  private Report encode(int row, int coefficient, int bucket, RandomGenerator rng) {
    int sign = hadamard(coefficient, bucket);
    return Report.hcms(row, coefficient, bernoulli(rng, flip) ? -sign : sign);
  }

  /**
   * With a token both the row and the coefficient are public: a device that chose its coefficient could find one
   * whose signs agree on several targets' buckets at once (one in 2^(t-1) coefficients for t targets), so one
   * report would push them all.
   */
  @Override
  public Report randomize(int value, long publicRandomness, RandomGenerator rng) {
    requireInDomain(value);
    int row = publicIndex(publicRandomness, k);
    return encode(row, publicCoefficient(publicRandomness), bucket(value, row), rng);
  }

  @Override
  public boolean followsPublicRandomness(Report report, long publicRandomness) {
    return super.followsPublicRandomness(report, publicRandomness)
        && report.value() == publicCoefficient(publicRandomness);
  }

  /** The coefficient {@code u} fixes: {@code (u / k) mod m}, unsigned, so it is independent of the row. */
  private int publicCoefficient(long publicRandomness) {
    return publicIndex(Long.divideUnsigned(publicRandomness, k), m);
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
  int stateSize() {
    return k * m;
  }

  @Override
  void accumulate(Report report, long[] state) {
    state[report.hashIndex() * m + report.value()] += report.sign();
  }

  /**
   * One signed byte per (row, l) cell, carried into the long state at +-127: the k x m table a report touches
   * shrinks 8x (256 KB for the default 256 x 1,024 at K = 10,000), so it mostly stays in cache.
   */
  @Override
  Accumulator newAccumulator(long[] state) {
    byte[] sums = new byte[k * m];
    return new Accumulator() {
      @Override
      public void add(Report report) {
        int cell = report.hashIndex() * m + report.value();
        int next = sums[cell] + report.sign();
        if (next == 127 || next == -127) {
          state[cell] += next;
          next = 0;
        }
        sums[cell] = (byte) next;
      }

      @Override
      public void flush() {
        for (int cell = 0; cell < sums.length; cell++) {
          if (sums[cell] != 0) {
            state[cell] += sums[cell];
            sums[cell] = 0;
          }
        }
      }
    };
  }

  /**
   * Per report, c * sign * H[l][x] is an unbiased indicator that its bucket is x; summed over each row's
   * coefficients at v's buckets: est(v) = m/(m-1) (c sum_j W(sums_j)[h_j(v)] - n/m), exact until the last step.
   */
  /** A sign matching the bucket's Hadamard entry adds c. */
  @Override
  double maxBucketTerm() {
    return c;
  }

  @Override
  double[] unbiasedCounts(long n, long[] state) {
    long[] sums = family.coefficientSums(state, config.domainSize());
    double scale = m / (m - 1.0);
    double[] est = new double[sums.length];
    for (int v = 0; v < est.length; v++) {
      est[v] = scale * (c * sums[v] - (double) n / m);
    }
    return est;
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
  double decodeOperations(long n) {
    int domain = config.domainSize();
    return (double) n + (double) k * m + 2.0 * LocalHashing.bitsFor(domain) * domain;
  }
}
