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
  private final long[] state;
  private long reports;
  /** The oracle's deferred counts (see {@link FrequencyOracle#newScratch}); settled into the state before use. */
  private transient Object scratch;

  OracleAggregator(FrequencyOracle oracle) {
    this.oracle = oracle;
    this.state = new long[oracle.stateSize()];
  }

  /** Validates and adds one report; throws {@link InvalidReportException} and leaves the state unchanged. */
  public OracleAggregator add(Report report) {
    oracle.validate(report);
    if (scratch == null) {
      scratch = oracle.newScratch();
    }
    if (scratch == null) {
      oracle.accumulate(report, state);
    } else {
      oracle.accumulate(report, state, scratch);
    }
    reports++;
    return this;
  }

  /** Adds the deferred counts into the state. */
  private void settle() {
    if (scratch != null) {
      oracle.flush(scratch, state);
    }
  }

  private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
    settle();
    out.defaultWriteObject();
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

  /** A copy of the integer state (for inspection and tests). */
  public long[] state() {
    settle();
    return state.clone();
  }

  /** Unbiased raw estimates, each with its plug-in variance. */
  public org.dpcurate.estimation.FrequencyEstimates estimate() {
    settle();
    return org.dpcurate.estimation.FrequencyEstimator.estimate(oracle, reports, state);
  }

  /** Estimates solved for the hash family in use (FLH, CMS, HCMS); see {@code CollisionAwareDecoding}. */
  public org.dpcurate.estimation.FrequencyEstimates estimateCollisionAware() {
    settle();
    return org.dpcurate.estimation.FrequencyEstimator.estimate(oracle, reports, state, true);
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
