package org.dpcurate.jobs.estimation;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.dpcurate.oracle.OracleAggregator;

/** One partition's (or the merged) aggregate: the oracle state, rows read, and rejected rows by reason. */
final class PartialAggregate implements Serializable {
  private static final long serialVersionUID = 1L;

  final OracleAggregator aggregator;
  private final EnumMap<Rejection, Long> rejected = new EnumMap<>(Rejection.class);
  private long read;

  PartialAggregate(OracleAggregator aggregator) {
    this.aggregator = aggregator;
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
    aggregator.merge(other.aggregator);
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
