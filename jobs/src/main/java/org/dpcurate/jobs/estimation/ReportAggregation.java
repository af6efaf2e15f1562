package org.dpcurate.jobs.estimation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dpcurate.client.SegmentLayout;
import org.dpcurate.download.DownloadPlan;
import org.dpcurate.oracle.FrequencyOracle;
import scala.Tuple2;

/**
 * Validates and aggregates report rows on the executors; only the small merged oracle states (and, with the
 * duplicate check, the repeated report_id hashes) reach the driver, never a report. A segmented round keeps one
 * oracle state per download segment, each report going to the segment of its id's hash ({@link DownloadPlan}).
 */
final class ReportAggregation {
  private final Broadcast<FrequencyOracle> oracle;
  private final double epsilon;
  private final int segments;
  private final Column[] columns;
  private final Column[] columnsWithIdHash;

  ReportAggregation(Broadcast<FrequencyOracle> oracle, double epsilon, int segments) {
    this.oracle = oracle;
    this.epsilon = epsilon;
    this.segments = segments;
    this.columns = ReportRow.columns(oracle.value().kind(), segments > 1);
    this.columnsWithIdHash = ReportRow.columns(oracle.value().kind(), true);
  }

  /** The aggregate of every row and the report_id hashes that occur more than once. */
  record WithRepeatedIds(PartialAggregate total, List<Long> repeatedHashes) {}

  /** Validates and aggregates {@code rows}; only the merged state reaches the driver. */
  PartialAggregate aggregate(Dataset<Row> rows) {
    Broadcast<FrequencyOracle> o = oracle;
    double eps = epsilon;
    int s = segments;
    return rows.select(columns).javaRDD()
        .mapPartitions((Iterator<Row> it) -> {
          List<PartialAggregate> one = new ArrayList<>(1);
          one.add(validateAndAdd(it, o.value(), eps, s, null));
          return one.iterator();
        })
        .treeReduce(PartialAggregate::merge);
  }

  /**
   * One read of the reports and one shuffle: each partition emits its aggregate (key -1) and its id hashes in
   * bucketed long[] chunks ({@link RepeatedIds}); each bucket returns its repeated hashes, and the bucket that
   * receives the aggregates merges them. (Mostly-small counts compress well in the shuffle: FLH's S x g state
   * costs less than the hashes.)
   */
  WithRepeatedIds aggregateAndFindRepeatedIds(Dataset<Row> reports) {
    Broadcast<FrequencyOracle> o = oracle;
    double eps = epsilon;
    int s = segments;
    JavaRDD<Row> rows = reports.select(columnsWithIdHash).javaRDD();
    int buckets = RepeatedIds.bucketsFor(rows.getNumPartitions());
    List<Object> results = rows.mapPartitionsToPair((Iterator<Row> it) -> {
      RepeatedIds.Buckets ids = new RepeatedIds.Buckets(buckets);
      PartialAggregate part = validateAndAdd(it, o.value(), eps, s, ids);
      List<Tuple2<Integer, Object>> emitted = new ArrayList<>();
      emitted.add(new Tuple2<>(-1, part));
      for (Tuple2<Integer, long[]> chunk : ids.chunks()) {
        emitted.add(new Tuple2<>(chunk._1(), chunk._2()));
      }
      return emitted.iterator();
    }).partitionBy(new HashPartitioner(buckets)).mapPartitions((Iterator<Tuple2<Integer, Object>> it) -> {
      PartialAggregate merged = null;
      List<long[]> chunks = new ArrayList<>();
      while (it.hasNext()) {
        Object v = it.next()._2();
        if (v instanceof PartialAggregate p) {
          merged = merged == null ? p : merged.merge(p);
        } else {
          chunks.add((long[]) v);
        }
      }
      List<Object> out = new ArrayList<>(RepeatedIds.repeated(chunks));
      if (merged != null) {
        out.add(merged);
      }
      return out.iterator();
    }).collect();
    PartialAggregate total = null;
    List<Long> repeated = new ArrayList<>();
    for (Object r : results) {
      if (r instanceof PartialAggregate p) {
        total = total == null ? p : total.merge(p);
      } else {
        repeated.add((Long) r);
      }
    }
    if (total == null) {
      total = new PartialAggregate(oracle.value(), segments);
    }
    return new WithRepeatedIds(total, repeated);
  }

  private static PartialAggregate validateAndAdd(Iterator<Row> rows, FrequencyOracle o, double epsilon,
      int segments, RepeatedIds.Buckets idHashes) {
    PartialAggregate part = new PartialAggregate(o, segments);
    ReportValidator validator = new ReportValidator(o, epsilon);
    ReportRow row = ReportRow.view();
    while (rows.hasNext()) {
      row.of(rows.next());
      // A null report_id (no hash, so no segment) is rejected before the aggregator is touched.
      int segment = segments == 1 || row.idHashNull() ? 0 : SegmentLayout.segmentOfHash(row.idHash(), segments);
      ReportValidator.Rejected rejected = validator.check(row, part.aggregators[segment]);
      part.read(rejected == null ? null : rejected.reason());
      if (idHashes != null && !row.idHashNull()) {
        idHashes.add(row.idHash());
      }
    }
    return part;
  }
}
