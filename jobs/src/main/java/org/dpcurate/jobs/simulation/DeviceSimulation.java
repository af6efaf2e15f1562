package org.dpcurate.jobs.simulation;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.Report;

/**
 * Simulated devices on the executors, shared by curation, discovery and the benchmark: a range of device ids is
 * split into partitions, each partition maps its ids lazily to one row per device, and the rows are committed as a
 * date's report partition. Every device draws from its own random stream, so outputs do not depend on the split.
 */
final class DeviceSimulation {
  /** Devices per partition beyond one partition per core. */
  private static final long DEVICES_PER_PARTITION = 250_000;
  private static final int MAX_PARTITIONS = 200;

  private DeviceSimulation() {}

  /** Opens, once per partition on an executor, the function from a device id to its row (null: no row). */
  interface Devices extends Serializable {
    LongFunction<Row> open();
  }

  /** The rows of devices {@code [from, to)}, made on the executors. */
  static Dataset<Row> rows(SparkSession spark, long from, long to, StructType schema, Devices devices) {
    long count = to - from;
    int partitions = (int) Math.max(1, Math.min(MAX_PARTITIONS,
        count / DEVICES_PER_PARTITION + spark.sparkContext().defaultParallelism()));
    MapPartitionsFunction<Long, Row> perPartition = ids -> map(ids, devices.open());
    return spark.range(from, to, 1, partitions).mapPartitions(perPartition, Encoders.row(schema));
  }

  /** A report row with its 128-bit id (docs/protocol.md). */
  static Row reportRow(long idHigh, long idLow, Report report, double epsilon) {
    return ReportTable.toRow(ReportTable.reportId(idHigh, idLow), report, epsilon);
  }

  /**
   * Commits simulated reports as date {@code ds}'s partition (the devices run as it is written); {@code manifest}
   * holds the round and anything particular to the caller.
   */
  static void commitReports(Warehouse w, String campaign, LocalDate ds, PublishedConfig published,
      Dataset<Row> reports, long devices, Manifest manifest) {
    manifest.set("config_hash", published.hash()).set("epsilon", published.oracle().epsilon())
        .set("simulated", true).count("devices", devices);
    w.commit(reports, ReportTable.NAME, campaign, ds, manifest);
  }

  /** Each id's output, lazily; devices without one (not polled) are skipped. */
  private static <T> Iterator<T> map(Iterator<Long> ids, LongFunction<T> perDevice) {
    return new Iterator<T>() {
      private T next;

      @Override
      public boolean hasNext() {
        while (next == null && ids.hasNext()) {
          next = perDevice.apply(ids.next());
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T out = next;
        next = null;
        return out;
      }
    };
  }
}
