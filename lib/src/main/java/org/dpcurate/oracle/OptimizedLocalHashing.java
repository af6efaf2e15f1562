package org.dpcurate.oracle;

import java.util.random.RandomGenerator;
import org.dpcurate.hash.XxHash64;

/**
 * Optimized local hashing: the device draws a 64-bit seed s, hashes its candidate to x = bucket(v, s, g) and
 * reports (s, GRR_g(x)). Decoding is exact and O(K) per report: each report supports every candidate that
 * hashes to its y under its seed. The state is the K support counts, so it merges like any other.
 */
public final class OptimizedLocalHashing extends PureOracle {
  private static final long serialVersionUID = 1L;

  private final int g;

  OptimizedLocalHashing(OracleConfig config) {
    super(config, LocalHashing.keep(config), 1.0 / config.hashRange());
    g = config.hashRange();
  }

  @Override
  public Report randomize(int value, RandomGenerator rng) {
    requireInDomain(value);
    long seed = rng.nextLong();
    return Report.olh(seed, LocalHashing.perturb(XxHash64.bucket(value, seed, g), g, p, rng));
  }

  @Override
  public boolean reportsAbsence() {
    return true;
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
    return LocalHashing.probability(report.value(), XxHash64.bucket(value, report.seed(), g), g, p);
  }

  @Override
  public boolean supports(Report report, int value) {
    return XxHash64.bucket(value, report.seed(), g) == report.value();
  }

  @Override
  protected void validatePayload(Report report) {
    requireRange(InvalidReportException.Reason.VALUE_OUT_OF_RANGE, "value", report.value(), g);
  }

  @Override
  public void accumulate(Report report, long[] state) {
    long seed = report.seed();
    int y = report.value();
    for (int v = 0; v < state.length; v++) {
      if (XxHash64.bucket(v, seed, g) == y) {
        state[v]++;
      }
    }
  }

  @Override
  public int reportBits() {
    return 64 + LocalHashing.bitsFor(g);
  }

  @Override
  public double decodeOperations(long n) {
    return (double) n * config.domainSize();
  }
}
