package org.dpcurate.oracle;

import java.util.random.RandomGenerator;

/** Optimized unary encoding: K bits, the true bit kept 1 w.p. 1/2, every other bit 1 w.p. 1/(e^eps+1). */
public final class OptimizedUnaryEncoding extends BitmapOracle {
  private static final long serialVersionUID = 1L;
  private static final double P = 0.5;

  OptimizedUnaryEncoding(OracleConfig config) {
    super(config, P, 1 / (Math.exp(config.epsilon()) + 1));
  }

  @Override
  public Report randomize(int value, RandomGenerator rng) {
    requireInDomain(value);
    int k = config.domainSize();
    byte[] bits = new byte[Report.bytesFor(k)];
    for (int i = 0; i < k; i++) {
      if (bernoulli(rng, i == value ? P : q)) {
        bits[i >> 3] |= (byte) (1 << (i & 7));
      }
    }
    return Report.oue(bits);
  }

  @Override
  public double outputProbability(Report report, int value) {
    double prob = 1;
    for (int i = 0; i < config.domainSize(); i++) {
      double one = i == value ? P : q;
      prob *= report.bit(i) ? one : 1 - one;
    }
    return prob;
  }

  @Override
  protected void validatePayload(Report report) {
    requireBits(report, config.domainSize());
  }

  @Override
  double decodeOperations(long n) {
    return (double) n * config.domainSize() + config.domainSize();
  }
}
