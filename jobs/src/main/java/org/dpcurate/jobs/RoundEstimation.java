package org.dpcurate.jobs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.InvalidReportException;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates a round's reports on the executors: every partition validates its rows against the published config
 * and folds them into a lib aggregator; only the small merged states reach the driver, never a report.
 */
public final class RoundEstimation {
  private static final Logger LOG = LoggerFactory.getLogger(RoundEstimation.class);

  /** Reason code of rows that are not reports at all. */
  public static final String MALFORMED = "MALFORMED";
  /** Reason code of reports made with another epsilon than the published one. */
  public static final String EPSILON_MISMATCH = "EPSILON_MISMATCH";

  private RoundEstimation() {}

  /** One partition's (or the merged) aggregate: the oracle state plus rejected rows by reason. */
  public static final class PartialAggregate implements Serializable {
    private static final long serialVersionUID = 1L;

    final OracleAggregator aggregator;
    final TreeMap<String, Long> rejected = new TreeMap<>();
    long read;

    PartialAggregate(OracleAggregator aggregator) {
      this.aggregator = aggregator;
    }

    PartialAggregate merge(PartialAggregate other) {
      aggregator.merge(other.aggregator);
      other.rejected.forEach((k, v) -> rejected.merge(k, v, Long::sum));
      read += other.read;
      return this;
    }
  }

  /** The estimates with the round's input accounting. */
  public record Result(FrequencyEstimates estimates, long read, long accepted, Map<String, Long> rejected) {
    public long rejectedTotal() {
      return read - accepted;
    }
  }

  public static Result run(SparkSession spark, Warehouse w, String campaign, int round, OracleConfig config,
      double maxRejectedShare) {
    long start = System.nanoTime();
    String path = w.requirePartition(Warehouse.REPORTS, campaign, round);
    Dataset<Row> reports;
    try {
      reports = spark.read().parquet(path);
    } catch (RuntimeException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot read reports at " + path + ": " + e.getMessage(), e);
    }
    List<String> columns = Arrays.asList(reports.columns());
    for (String c : ReportTable.COLUMNS) {
      if (!columns.contains(c)) {
        throw new JobException(ExitCode.MISSING_INPUT, "reports at " + path + " do not match the report schema: "
            + "column " + c + " is missing; found " + columns);
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<FrequencyOracle> oracle = jsc.broadcast(FrequencyOracle.of(config));
    double epsilon = config.epsilon();
    PartialAggregate total;
    try {
      total = reports.select(ReportTable.COLUMNS[0], Arrays.copyOfRange(ReportTable.COLUMNS, 1,
              ReportTable.COLUMNS.length))
          .javaRDD()
          .mapPartitions((Iterator<Row> rows) -> {
            PartialAggregate part = new PartialAggregate(oracle.value().newAggregator());
            while (rows.hasNext()) {
              Row row = rows.next();
              part.read++;
              try {
                if (row.isNullAt(2) || row.getDouble(2) != epsilon) {
                  part.rejected.merge(EPSILON_MISMATCH, 1L, Long::sum);
                  continue;
                }
                part.aggregator.add(ReportTable.fromRow(row));
              } catch (ReportTable.MalformedRowException e) {
                part.rejected.merge(MALFORMED, 1L, Long::sum);
              } catch (InvalidReportException e) {
                part.rejected.merge(e.reason().name(), 1L, Long::sum);
              }
            }
            List<PartialAggregate> one = new ArrayList<>(1);
            one.add(part);
            return one.iterator();
          })
          .treeReduce(PartialAggregate::merge);
    } catch (JobException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot read reports at " + path + ": " + e.getMessage(), e);
    } finally {
      oracle.destroy();
    }
    long accepted = total.aggregator.reports();
    long rejected = total.read - accepted;
    LOG.info("round {}: read {} reports, accepted {}, rejected {} {} in {}", round, total.read, accepted, rejected,
        total.rejected, Timing.since(start));
    if (total.read == 0) {
      throw new JobException(ExitCode.MISSING_INPUT, "no reports in " + path);
    }
    double share = (double) rejected / total.read;
    if (share > maxRejectedShare) {
      throw new JobException(ExitCode.VALIDATION_FAILED, String.format(
          "%d of %d reports (%.2f%%) in %s failed validation %s, above the allowed %.2f%%; no ranking written",
          rejected, total.read, 100 * share, path, total.rejected, 100 * maxRejectedShare));
    }
    return new Result(total.aggregator.estimate(), total.read, accepted, total.rejected);
  }
}
