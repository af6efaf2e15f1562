package org.dpcurate.oracle;

/**
 * A pure oracle whose report is a K-bit map and which supports exactly the candidates whose bit is set (OUE,
 * subset selection): the server counts set bits per candidate, word-parallel ({@link BitSlicedCounts}).
 */
abstract class BitmapOracle extends PureOracle {
  private static final long serialVersionUID = 1L;

  BitmapOracle(OracleConfig config, double p, double q) {
    super(config, p, q);
  }

  @Override
  public boolean supports(Report report, int value) {
    return report.bit(value);
  }

  @Override
  public void accumulate(Report report, long[] state) {
    PureProtocol.countBits(report.bits(), state, 0);
  }

  @Override
  Object newScratch() {
    return new BitSlicedCounts(1, config.domainSize());
  }

  @Override
  void accumulate(Report report, long[] state, Object scratch) {
    ((BitSlicedCounts) scratch).add(0, report.bits(), state);
  }

  @Override
  void flush(Object scratch, long[] state) {
    ((BitSlicedCounts) scratch).flush(state);
  }

  /** The K-bit map on the wire (subset selection could send its d indices instead, d ceil(log2 K) bits). */
  @Override
  public int reportBits() {
    return config.domainSize();
  }
}
