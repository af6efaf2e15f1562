package org.dpcurate.oracle;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Mergeable server-side state of one oracle: the report count and an integer array whose meaning the oracle
 * defines. Integer addition makes merge exactly associative and commutative, so aggregating in one part or in
 * fifty gives an identical state.
 */
public final class OracleAggregator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FrequencyOracle oracle;
  /** Serialized by {@link #writeObject} in zig-zag varints: mostly small counts, 1-2 bytes each instead of 8. */
  private transient long[] state;
  private long reports;
  /** Made on the first add: aggregators that are only merged into never allocate the oracle's buffer. */
  private transient Accumulator accumulator;

  OracleAggregator(FrequencyOracle oracle) {
    this.oracle = oracle;
    this.state = new long[oracle.stateSize()];
  }

  /** Validates and adds one report; throws {@link InvalidReportException} and leaves the state unchanged. */
  public OracleAggregator add(Report report) {
    oracle.validate(report);
    if (accumulator == null) {
      accumulator = oracle.newAccumulator(state);
    }
    accumulator.add(report);
    reports++;
    return this;
  }

  /** Adds the deferred counts into the state. */
  private void settle() {
    if (accumulator != null) {
      accumulator.flush();
    }
  }

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    settle();
    out.defaultWriteObject();
    byte[] buffer = new byte[state.length * 10];
    int at = 0;
    for (long v : state) {
      long z = (v << 1) ^ (v >> 63);
      while ((z & ~0x7FL) != 0) {
        buffer[at++] = (byte) ((z & 0x7F) | 0x80);
        z >>>= 7;
      }
      buffer[at++] = (byte) z;
    }
    out.writeInt(state.length);
    out.writeInt(at);
    out.write(buffer, 0, at);
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    state = new long[in.readInt()];
    byte[] buffer = new byte[in.readInt()];
    in.readFully(buffer);
    int at = 0;
    for (int i = 0; i < state.length; i++) {
      long z = 0;
      int shift = 0;
      byte b;
      do {
        b = buffer[at++];
        z |= (long) (b & 0x7F) << shift;
        shift += 7;
      } while (b < 0);
      state[i] = (z >>> 1) ^ -(z & 1);
    }
  }

  /** Adds {@code other} into this aggregator and returns this. */
  public OracleAggregator merge(OracleAggregator other) {
    if (!oracle.config().equals(other.oracle.config())) {
      throw new IllegalArgumentException(
          "cannot merge aggregators of different configs: " + oracle.config() + " vs " + other.oracle.config());
    }
    settle();
    other.settle();
    for (int i = 0; i < state.length; i++) {
      state[i] += other.state[i];
    }
    reports += other.reports;
    return this;
  }

  public long reports() {
    return reports;
  }

  public FrequencyOracle oracle() {
    return oracle;
  }

  /** A copy of the integer state (for tests in this package). */
  long[] state() {
    settle();
    return state.clone();
  }

  /** The oracle's unbiased estimate of every candidate's count from this state; variances are estimation's. */
  public double[] unbiasedCounts() {
    settle();
    return oracle.unbiasedCounts(reports, state);
  }

  /** Same config, same report count and same state. */
  public boolean sameStateAs(OracleAggregator other) {
    settle();
    other.settle();
    return oracle.config().equals(other.oracle.config())
        && reports == other.reports
        && Arrays.equals(state, other.state);
  }
}
