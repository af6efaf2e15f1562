package org.dpcurate.oracle;

/**
 * An oracle whose estimates follow the pure-protocol formulas ({@link PureProtocol}) from one support count per
 * candidate: GRR, OUE, OLH and subset selection. GRR, OUE and SS keep those counts as their state; OLH keeps a
 * Walsh spectrum and derives them from it when decoding.
 */
abstract class PureOracle extends FrequencyOracle {
  private static final long serialVersionUID = 1L;

  /** P(report supports v | device holds v). */
  protected final double p;
  /** P(report supports v | device holds another candidate). */
  protected final double q;

  PureOracle(OracleConfig config, double p, double q) {
    super(config);
    this.p = p;
    this.q = q;
  }

  @Override
  int stateSize() {
    return config.domainSize();
  }

  @Override
  double[] unbiasedCounts(long n, long[] state) {
    return PureProtocol.estimates(state, n, p, q);
  }

  @Override
  public double fakeReportGain() {
    return PureProtocol.fakeReportGain(p, q);
  }

  @Override
  public double variance(long n, double count, double otherPairs) {
    return PureProtocol.variance(n, count, p, q);
  }
}
