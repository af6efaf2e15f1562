package org.dpcurate.jobs.estimation;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleAggregator;

/**
 * One partition's (or the merged) aggregate: the oracle state of each download segment (one for an unsegmented
 * round), rows read, and rejected rows by reason.
 */
final class PartialAggregate implements Serializable {
  private static final long serialVersionUID = 1L;

  final OracleAggregator[] aggregators;
  private final EnumMap<Rejection, Long> rejected = new EnumMap<>(Rejection.class);
  private long read;

  PartialAggregate(FrequencyOracle oracle, int segments) {
    this.aggregators = new OracleAggregator[segments];
    for (int s = 0; s < segments; s++) {
      aggregators[s] = oracle.newAggregator();
    }
  }

  /** Valid reports over all segments. */
  long accepted() {
    long n = 0;
    for (OracleAggregator a : aggregators) {
      n += a.reports();
    }
    return n;
  }

  /** Counts one row read, rejected for {@code reason} unless it is null. */
  void read(Rejection reason) {
    read++;
    if (reason != null) {
      rejected.merge(reason, 1L, Long::sum);
    }
  }

  /** Counts rows rejected outside validation (duplicate ids). */
  void addRejected(Rejection reason, long rows) {
    read += rows;
    rejected.merge(reason, rows, Long::sum);
  }

  PartialAggregate merge(PartialAggregate other) {
    for (int s = 0; s < aggregators.length; s++) {
      aggregators[s].merge(other.aggregators[s]);
    }
    other.rejected.forEach((k, v) -> rejected.merge(k, v, Long::sum));
    read += other.read;
    return this;
  }

  long read() {
    return read;
  }

  /** Rejected rows by reason code, sorted by code (as manifests list them). */
  Map<String, Long> rejectedByReason() {
    Map<String, Long> out = new TreeMap<>();
    rejected.forEach((k, v) -> out.put(k.name(), v));
    return out;
  }
}
