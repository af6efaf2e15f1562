package org.dpcurate.oracle;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Local hashing with a public pool of S hash functions (Cormode et al.'s FLH): the device reports (i, GRR_g(h_i(v)))
 * for a uniform pool index i. The functions are affine over GF(2) ({@link AffineHashFamily}, g a power of two), so
 * the server's S x g count table decodes with Walsh-Hadamard transforms in O(S g log g + K log K) rather than S x K
 * hash evaluations: aggregation is O(1) per report and decoding nearly flat in K.
 */
public final class FastLocalHashing extends FrequencyOracle implements HashedOracle {
  private static final long serialVersionUID = 1L;

  private final int g;
  private final int pool;
  private final double p;
  private final double q;
  private final AffineHashFamily family;

  FastLocalHashing(OracleConfig config) {
    super(config);
    g = config.hashRange();
    pool = config.seedPoolSize();
    double e = Math.exp(config.epsilon());
    p = e / (e + g - 1);
    q = 1.0 / g;
    family = new AffineHashFamily(config.hashSalt(), pool, g, config.domainSize());
  }

  @Override
  public int hashFunctions() {
    return pool;
  }

  @Override
  public int hashRange() {
    return g;
  }

  @Override
  public int bucketOf(int function, int value) {
    return family.bucket(function, value);
  }

  @Override
  public Optional<UnaryOperator<double[]>> collisionSums() {
    return Optional.of(family.collisionSums(config.domainSize()));
  }

  @Override
  public Report randomize(int value, RandomGenerator rng) {
    requireInDomain(value);
    int index = rng.nextInt(pool);
    return Report.flh(index, LocalHashing.perturb(family.bucket(index, value), g, p, rng));
  }

  @Override
  public Report randomize(int value, long publicRandomness, RandomGenerator rng) {
    requireInDomain(value);
    int index = publicIndex(publicRandomness, pool);
    return Report.flh(index, LocalHashing.perturb(family.bucket(index, value), g, p, rng));
  }

  @Override
  public boolean followsPublicRandomness(Report report, long publicRandomness) {
    return report.hashIndex() == publicIndex(publicRandomness, pool);
  }

  @Override
  public Report randomizeAbsent(RandomGenerator rng) {
    int index = rng.nextInt(pool);
    return Report.flh(index, LocalHashing.perturb(rng.nextInt(g), g, p, rng));
  }

  @Override
  public double outputProbability(Report report, int value) {
    int hashed = family.bucket(report.hashIndex(), value);
    return LocalHashing.probability(report.value(), hashed, g, p) / pool;
  }

  @Override
  public double absentOutputProbability(Report report) {
    return 1.0 / ((double) g * pool);
  }

  @Override
  public boolean supports(Report report, int value) {
    return family.bucket(report.hashIndex(), value) == report.value();
  }

  @Override
  protected void validatePayload(Report report) {
    requireRange(InvalidReportException.Reason.HASH_INDEX_OUT_OF_RANGE, "hashIndex", report.hashIndex(), pool);
    requireRange(InvalidReportException.Reason.VALUE_OUT_OF_RANGE, "value", report.value(), g);
  }

  @Override
  int stateSize() {
    return pool * g;
  }

  @Override
  void accumulate(Report report, long[] state) {
    state[report.hashIndex() * g + report.value()]++;
  }

  /**
   * One byte per (seed, y) cell, carried into the long state when it wraps: the S x g table shrinks 8x (3.7 MB
   * for 65,536 seeds at g = 64, 512 KB at g = 8), so a report's random increment mostly hits cache.
   */
  @Override
  Accumulator newAccumulator(long[] state) {
    byte[] counts = new byte[pool * g];
    return new Accumulator() {
      @Override
      public void add(Report report) {
        int cell = report.hashIndex() * g + report.value();
        if (++counts[cell] == 0) {
          state[cell] += 256;
        }
      }

      @Override
      public void flush() {
        for (int cell = 0; cell < counts.length; cell++) {
          if (counts[cell] != 0) {
            state[cell] += counts[cell] & 0xFF;
            counts[cell] = 0;
          }
        }
      }
    };
  }

  /** Walsh-Hadamard decoding of the S x g table: exact integer supports, then OLH's estimator. */
  @Override
  double[] unbiasedCounts(long n, long[] state) {
    return PureProtocol.estimates(family.supports(state, config.domainSize()), n, p, q);
  }

  @Override
  public double fakeReportGain() {
    return PureProtocol.fakeReportGain(p, q);
  }

  /**
   * OLH's variance plus the covariance of devices that share a pool seed and a value: two such devices collide
   * with v together, which adds otherPairs / (S (g-1)).
   */
  @Override
  public double variance(long n, double count, double otherPairs) {
    return PureProtocol.variance(n, count, p, q) + otherPairs / ((double) pool * (g - 1));
  }

  @Override
  public int reportBits() {
    return LocalHashing.bitsFor(pool) + LocalHashing.bitsFor(g);
  }

  @Override
  double decodeOperations(long n) {
    int k = config.domainSize();
    double transformed = 32 - Integer.numberOfLeadingZeros(k - 1);
    return (double) n + (double) pool * g * (LocalHashing.bitsFor(g) + 1) + transformed * 2 * k;
  }
}
