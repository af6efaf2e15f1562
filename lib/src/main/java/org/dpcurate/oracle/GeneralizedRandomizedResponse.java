package org.dpcurate.oracle;

import java.util.random.RandomGenerator;

/** k-ary randomized response: the true candidate w.p. p = e^eps/(e^eps+K-1), else a uniform other one. */
public final class GeneralizedRandomizedResponse extends PureOracle {
  private static final long serialVersionUID = 1L;

  GeneralizedRandomizedResponse(OracleConfig config) {
    super(config, keep(config), (1 - keep(config)) / (config.domainSize() - 1));
  }

  /** p = e^eps / (e^eps + K - 1); 1 at eps = infinity (the non-private reference). */
  private static double keep(OracleConfig config) {
    if (Double.isInfinite(config.epsilon())) {
      return 1;
    }
    double e = Math.exp(config.epsilon());
    return e / (e + config.domainSize() - 1);
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
  void accumulate(Report report, long[] state) {
    state[report.value()]++;
  }

  @Override
  public int reportBits() {
    return 32 - Integer.numberOfLeadingZeros(config.domainSize() - 1);
  }

  @Override
  double decodeOperations(long n) {
    return (double) n + config.domainSize();
  }
}
