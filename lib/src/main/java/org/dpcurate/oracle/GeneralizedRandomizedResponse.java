package org.dpcurate.oracle;

import java.util.random.RandomGenerator;

/** k-ary randomized response: the true candidate w.p. p = e^eps/(e^eps+K-1), else a uniform other one. */
public final class GeneralizedRandomizedResponse extends FrequencyOracle {
  private static final long serialVersionUID = 1L;

  private final double p;
  private final double q;

  GeneralizedRandomizedResponse(OracleConfig config) {
    super(config);
    int k = config.domainSize();
    if (Double.isInfinite(config.epsilon())) {
      p = 1;
      q = 0;
    } else {
      double e = Math.exp(config.epsilon());
      p = e / (e + k - 1);
      q = 1 / (e + k - 1);
    }
  }

  @Override
  public Report randomize(int value, RandomGenerator rng) {
    requireInDomain(value);
    if (bernoulli(rng, p)) {
      return Report.grr(value);
    }
    int other = rng.nextInt(config.domainSize() - 1);
    return Report.grr(other >= value ? other + 1 : other);
  }

  @Override
  public double outputProbability(Report report, int value) {
    return report.value() == value ? p : q;
  }

  @Override
  public boolean supports(Report report, int value) {
    return report.value() == value;
  }

  @Override
  protected void validatePayload(Report report) {
    requireRange(InvalidReportException.Reason.VALUE_OUT_OF_RANGE, "value", report.value(), config.domainSize());
  }

  @Override
  public int stateSize() {
    return config.domainSize();
  }

  @Override
  public void accumulate(Report report, long[] state) {
    state[report.value()]++;
  }

  @Override
  public double[] unbiasedCounts(long n, long[] state) {
    double[] est = new double[state.length];
    for (int v = 0; v < est.length; v++) {
      est[v] = PureProtocol.estimate(state[v], n, p, q);
    }
    return est;
  }

  @Override
  public double variance(long n, double count, double otherPairs) {
    return PureProtocol.variance(n, count, p, q);
  }

  @Override
  public int reportBits() {
    return 32 - Integer.numberOfLeadingZeros(config.domainSize() - 1);
  }

  @Override
  public double decodeOperations(long n) {
    return (double) n + config.domainSize();
  }
}
