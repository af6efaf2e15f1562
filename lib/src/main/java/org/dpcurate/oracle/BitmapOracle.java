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
  void accumulate(Report report, long[] state) {
    PureProtocol.countBits(report.bits(), state, 0);
  }

  @Override
  Accumulator newAccumulator(long[] state) {
    BitSlicedCounts counts = new BitSlicedCounts(1, config.domainSize());
    return new Accumulator() {
      @Override
      public void add(Report report) {
        counts.add(0, report.bits(), state);
      }

      @Override
      public void flush() {
        counts.flush(state);
      }
    };
  }

  /** The K-bit map on the wire (subset selection could send its d indices instead, d ceil(log2 K) bits). */
  @Override
  public int reportBits() {
    return config.domainSize();
  }
}
