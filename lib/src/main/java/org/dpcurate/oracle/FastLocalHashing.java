package org.dpcurate.oracle;

import java.util.random.RandomGenerator;
import org.dpcurate.hash.XxHash64;

/**
 * Local hashing with a public pool of S seeds (Cormode et al.'s FLH): the device reports (i, GRR_g(bucket(v,
 * salt + i, g))) for a uniform pool index i. The server keeps an S x g count table, so aggregation is O(1) per
 * report and decoding O(S K).
 */
public final class FastLocalHashing extends FrequencyOracle implements HashedOracle {
  private static final long serialVersionUID = 1L;

  private final int g;
  private final int pool;
  private final double p;
  private final double q;

  FastLocalHashing(OracleConfig config) {
    super(config);
    g = config.hashRange();
    pool = config.seedPoolSize();
    double e = Math.exp(config.epsilon());
    p = e / (e + g - 1);
    q = 1.0 / g;
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
    return XxHash64.bucket(value, seedOf(function), g);
  }

  private long seedOf(int index) {
    return config.hashSalt() + index;
  }

  @Override
  public Report randomize(int value, RandomGenerator rng) {
    requireInDomain(value);
    int index = rng.nextInt(pool);
    return Report.flh(index, LocalHashing.perturb(XxHash64.bucket(value, seedOf(index), g), g, p, rng));
  }

  @Override
  public boolean reportsAbsence() {
    return true;
  }

  @Override
  public Report randomizeAbsent(RandomGenerator rng) {
    int index = rng.nextInt(pool);
    return Report.flh(index, LocalHashing.perturb(rng.nextInt(g), g, p, rng));
  }

  @Override
  public double outputProbability(Report report, int value) {
    int hashed = XxHash64.bucket(value, seedOf(report.hashIndex()), g);
    return LocalHashing.probability(report.value(), hashed, g, p) / pool;
  }

  @Override
  public double absentOutputProbability(Report report) {
    return 1.0 / ((double) g * pool);
  }

  @Override
  public boolean supports(Report report, int value) {
    return XxHash64.bucket(value, seedOf(report.hashIndex()), g) == report.value();
  }

  @Override
  protected void validatePayload(Report report) {
    requireRange(InvalidReportException.Reason.HASH_INDEX_OUT_OF_RANGE, "hashIndex", report.hashIndex(), pool);
    requireRange(InvalidReportException.Reason.VALUE_OUT_OF_RANGE, "value", report.value(), g);
  }

  @Override
  public int stateSize() {
    return pool * g;
  }

  @Override
  public void accumulate(Report report, long[] state) {
    state[report.hashIndex() * g + report.value()]++;
  }

  /**
   * One byte per (seed, y) cell, carried into the long state when it wraps: the S x g table shrinks 8x (3.7 MB
   * for 65,536 seeds at g = 56), so a report's random increment mostly hits cache.
   */
  @Override
  Object newScratch() {
    return new byte[pool * g];
  }

  @Override
  void accumulate(Report report, long[] state, Object scratch) {
    int cell = report.hashIndex() * g + report.value();
    byte[] counts = (byte[]) scratch;
    if (++counts[cell] == 0) {
      state[cell] += 256;
    }
  }

  @Override
  void flush(Object scratch, long[] state) {
    byte[] counts = (byte[]) scratch;
    for (int cell = 0; cell < counts.length; cell++) {
      if (counts[cell] != 0) {
        state[cell] += counts[cell] & 0xFF;
        counts[cell] = 0;
      }
    }
  }

  /** O(S K) hash evaluations, spread over the available cores (each candidate's sum is exact integer math). */
  @Override
  public double[] unbiasedCounts(long n, long[] state) {
    double[] est = new double[config.domainSize()];
    java.util.stream.IntStream.range(0, est.length).parallel().forEach(v -> {
      long supports = 0;
      for (int i = 0; i < pool; i++) {
        supports += state[i * g + XxHash64.bucket(v, seedOf(i), g)];
      }
      est[v] = PureProtocol.estimate(supports, n, p, q);
    });
    return est;
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
  public double decodeOperations(long n) {
    return (double) n + (double) pool * config.domainSize();
  }
}
