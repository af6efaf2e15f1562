package org.dpcurate.oracle;

/**
 * An oracle whose server state is one support count per candidate and whose estimates follow the pure-protocol
 * formulas ({@link PureProtocol}): GRR, OUE, OLH and subset selection.
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
  public int stateSize() {
    return config.domainSize();
  }

  @Override
  public double[] unbiasedCounts(long n, long[] state) {
    return PureProtocol.estimates(state, n, p, q);
  }

  @Override
  public double variance(long n, double count, double otherPairs) {
    return PureProtocol.variance(n, count, p, q);
  }
}
