package org.dpcurate.oracle;

import java.util.random.RandomGenerator;

/**
 * Optimized local hashing: the device draws a 64-bit seed s, hashes its candidate to x = affineBucket(v, s, g) and
 * reports (s, GRR_g(x)). Decoding is exact: each report supports every candidate that hashes to its y under its
 * seed. Because the hash is affine over GF(2) ({@link AffineHashFamily}), that support indicator is g signed terms
 * of a Walsh spectrum of size 2^d >= K, so aggregation costs O(g + log g) per report instead of O(K), the state is
 * the spectrum (2^d counts that merge by addition) and one transform at the end gives the K support counts.
 */
public final class OptimizedLocalHashing extends PureOracle {
  private static final long serialVersionUID = 1L;

  private final int g;
  private final int bits;
  private final int spectrumSize;

  OptimizedLocalHashing(OracleConfig config) {
    super(config, LocalHashing.keep(config), 1.0 / config.hashRange());
    g = config.hashRange();
    bits = Integer.numberOfTrailingZeros(g);
    spectrumSize = 1 << AffineHashFamily.domainBits(config.domainSize());
  }

  private int bucket(int value, long seed) {
    return AffineHashFamily.bucket(value, seed, bits);
  }

  @Override
  public Report randomize(int value, RandomGenerator rng) {
    requireInDomain(value);
    long seed = rng.nextLong();
    return Report.olh(seed, LocalHashing.perturb(bucket(value, seed), g, p, rng));
  }

  @Override
  public Report randomize(int value, long publicRandomness, RandomGenerator rng) {
    requireInDomain(value);
    return Report.olh(publicRandomness, LocalHashing.perturb(bucket(value, publicRandomness), g, p, rng));
  }

  @Override
  public boolean followsPublicRandomness(Report report, long publicRandomness) {
    return report.seed() == publicRandomness;
  }

  @Override
  public Report randomizeAbsent(RandomGenerator rng) {
    long seed = rng.nextLong();
    return Report.olh(seed, LocalHashing.perturb(rng.nextInt(g), g, p, rng));
  }

  @Override
  public double absentOutputProbability(Report report) {
    return 1.0 / g;
  }

  @Override
  public double outputProbability(Report report, int value) {
    return LocalHashing.probability(report.value(), bucket(value, report.seed()), g, p);
  }

  @Override
  public boolean supports(Report report, int value) {
    return bucket(value, report.seed()) == report.value();
  }

  @Override
  protected void validatePayload(Report report) {
    requireRange(InvalidReportException.Reason.VALUE_OUT_OF_RANGE, "value", report.value(), g);
  }

  /** The Walsh spectrum of the support counts, times g (2^d >= K entries). */
  @Override
  int stateSize() {
    return spectrumSize;
  }

  @Override
  void accumulate(Report report, long[] state) {
    AffineHashFamily.addSupport(report.seed(), report.value(), state, new AffineHashFamily.Workspace(bits));
  }

  /** The words of a report's seed and their g combinations, reused across reports. */
  @Override
  Accumulator newAccumulator(long[] state) {
    AffineHashFamily.Workspace workspace = new AffineHashFamily.Workspace(bits);
    return report -> AffineHashFamily.addSupport(report.seed(), report.value(), state, workspace);
  }

  @Override
  double[] unbiasedCounts(long n, long[] state) {
    return super.unbiasedCounts(n, AffineHashFamily.supportsFromSpectrum(state, bits, config.domainSize()));
  }

  @Override
  public int reportBits() {
    return 64 + LocalHashing.bitsFor(g);
  }

  @Override
  double decodeOperations(long n) {
    int k = config.domainSize();
    return (double) n * (g + bits) + 2.0 * LocalHashing.bitsFor(k) * k;
  }
}
