package org.dpcurate.jobs;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.InvalidReportException;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Validates and aggregates a date's reports on the executors. Every report is checked against the date's published
 * config; rows that fail go to the quarantine table with a reason code, and of several reports with one report_id
 * the first (by payload order) counts and the others are quarantined. Only the small merged oracle states reach
 * the driver, never a report.
 */
public final class RoundEstimation {
  private static final Logger LOG = LoggerFactory.getLogger(RoundEstimation.class);

  /** Reason codes besides {@link InvalidReportException.Reason}. */
  public static final String MALFORMED = "MALFORMED";
  public static final String EPSILON_MISMATCH = "EPSILON_MISMATCH";
  public static final String DUPLICATE_REPORT_ID = "DUPLICATE_REPORT_ID";

  /** The report columns, all nullable (malformed rows are kept as they came), plus the reason. */
  public static final StructType QUARANTINE_SCHEMA = new StructType(Arrays.stream(ReportTable.SCHEMA.fields())
      .map(f -> f.copy(f.name(), f.dataType(), true, f.metadata()))
      .toArray(org.apache.spark.sql.types.StructField[]::new))
      .add("reason", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true);

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

  /**
   * The date's estimates (null when no report was valid) and its input accounting: read = accepted + quarantined.
   */
  public record Result(FrequencyEstimates estimates, long read, long accepted, Map<String, Long> quarantined,
      double seconds) {
    public long quarantinedTotal() {
      return read - accepted;
    }
  }

  /**
   * The columns validation reads, in {@link ReportTable#COLUMNS} positions: report_id only as a null flag, the
   * oracle name only as a code (0 null or unknown, 1 the published oracle, 2 another oracle), and only the payload
   * columns the published oracle uses (the others as typed nulls), so Parquet reads and the executors materialize
   * nothing else.
   */
  static Column[] validationColumns(OracleKind kind) {
    Column name = functions.upper(functions.trim(functions.col("oracle")));
    Column[] known = Arrays.stream(OracleKind.values()).map(k -> functions.lit(k.name())).toArray(Column[]::new);
    Column[] out = new Column[ReportTable.COLUMNS.length];
    out[0] = functions.col("report_id").isNull().as("report_id_null");
    // The exact name first: CASE stops at the first match, so well-formed rows skip trimming and upper-casing
    // (7% of a 100M-report estimate's CPU time before).
    out[1] = functions.when(functions.col("oracle").equalTo(kind.name()), 1).when(name.equalTo(kind.name()), 1)
        .when(name.isin((Object[]) known), 2).otherwise(0).as("oracle_code");
    out[2] = functions.col("epsilon");
    for (int i = 3; i < out.length; i++) {
      String c = ReportTable.COLUMNS[i];
      out[i] = ReportTable.uses(kind, c) ? functions.col(c)
          : functions.lit(null).cast(ReportTable.SCHEMA.apply(c).dataType()).as(c);
    }
    return out;
  }

  /**
   * Why a row of {@link #validationColumns} is rejected, or null if the oracle accepts it. An accepted row is added to
   * {@code into} when one is given: the aggregator validates as it adds, so each payload is parsed and checked once.
   */
  static String validate(Row row, FrequencyOracle oracle, double epsilon, String[] detail, OracleAggregator into) {
    if (row.getBoolean(0)) {
      detail[0] = "report_id is null";
      return MALFORMED;
    }
    if (row.isNullAt(2) || row.getDouble(2) != epsilon) {
      detail[0] = "epsilon " + (row.isNullAt(2) ? "null" : row.getDouble(2)) + " != published " + epsilon;
      return EPSILON_MISMATCH;
    }
    int code = row.getInt(1);
    if (code != 1) {
      detail[0] = code == 0 ? "oracle is null or unknown" : "made by another oracle than " + oracle.kind();
      return code == 0 ? MALFORMED : InvalidReportException.Reason.WRONG_ORACLE.name();
    }
    try {
      Report report = ReportTable.fromPayload(oracle.kind(), row);
      if (into == null) {
        oracle.validate(report);
      } else {
        into.add(report);
      }
      return null;
    } catch (ReportTable.MalformedRowException e) {
      detail[0] = e.getMessage();
      return MALFORMED;
    } catch (InvalidReportException e) {
      detail[0] = e.getMessage();
      return e.reason().name();
    }
  }

  public static Result run(SparkSession spark, Warehouse w, String campaign, LocalDate ds,
      RoundConfigs.Published published, double maxQuarantinedShare, boolean checkDuplicates,
      boolean collisionAware) {
    long start = System.nanoTime();
    String path = w.requireInput(Warehouse.REPORTS, campaign, ds);
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
    Column[] select = Arrays.stream(ReportTable.COLUMNS).map(functions::col).toArray(Column[]::new);
    reports = reports.select(select);

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<FrequencyOracle> oracle = jsc.broadcast(FrequencyOracle.of(published.oracle()));
    double epsilon = published.oracle().epsilon();
    try {
      // Of several reports with one id, the first in payload order counts; the others are quarantined. One pass
      // validates and aggregates every row and buckets the 64-bit xxhash of each report_id; only if some hash
      // repeats are the ids compared exactly and the de-duplicated rows aggregated again.
      Column[] validation = validationColumns(published.oracle().kind());
      Dataset<Row> counted = reports;
      Dataset<Row> extras = null;
      PartialAggregate total;
      boolean anyDuplicates = false;
      if (checkDuplicates) {
        OnePass pass = aggregateAndHashIds(reports, validation, oracle, epsilon);
        total = pass.total();
        if (!pass.repeatedHashes().isEmpty()) {
          anyDuplicates = true;
          Dataset<Row> duplicateIds = spark.createDataset(pass.repeatedHashes(), Encoders.LONG()).toDF("h");
          Dataset<Row> hashed = reports.withColumn("h", functions.xxhash64(functions.col("report_id")));
          Dataset<Row> suspects = hashed.join(functions.broadcast(duplicateIds), "h", "left_semi").drop("h");
          Dataset<Row> numbered = suspects.withColumn("copy", functions.row_number().over(
              Window.partitionBy("report_id").orderBy("oracle", "epsilon", "hash_index", "seed", "value", "sign",
                  "bits")));
          counted = hashed.join(functions.broadcast(duplicateIds), "h", "left_anti").select(select)
              .unionByName(numbered.where("copy = 1").drop("copy").select(select));
          extras = numbered.where("copy > 1").drop("copy").select(select)
              .withColumn("reason", functions.lit(DUPLICATE_REPORT_ID))
              .withColumn("detail", functions.lit("another report has this report_id"));
          LOG.info("{} {}: {} report_id hashes repeat; aggregating the de-duplicated reports again", campaign, ds,
              pass.repeatedHashes().size());
          total = aggregate(counted, validation, oracle, epsilon);
        }
      } else {
        total = aggregate(counted, validation, oracle, epsilon);
      }
      long duplicates = anyDuplicates ? extras.count() : 0;
      if (duplicates > 0) {
        total.rejected.merge(DUPLICATE_REPORT_ID, duplicates, Long::sum);
        total.read += duplicates;
      }
      long accepted = total.aggregator.reports();
      long quarantined = total.read - accepted;
      double seconds = Timing.seconds(start);
      LOG.info("{} {}: read {} reports, accepted {}, quarantined {} {} in {}", campaign, ds, total.read, accepted,
          quarantined, total.rejected, Timing.since(start));

      Dataset<Row> quarantineRows = quarantined == 0 ? spark.createDataFrame(List.of(), QUARANTINE_SCHEMA)
          : quarantine(counted, validation, oracle, epsilon, extras);
      Manifest q = new Manifest(Warehouse.QUARANTINE, campaign, ds.toString(), published.round(), w.runId(), "ok")
          .set("config_hash", published.hash()).input(path).count("read", total.read).count("accepted", accepted)
          .count("quarantined", quarantined).count("quarantined_by_reason", new TreeMap<>(total.rejected));
      w.commit(quarantineRows.coalesce(1), Warehouse.QUARANTINE, campaign, ds, q);

      double share = total.read == 0 ? 0 : (double) quarantined / total.read;
      if (share > maxQuarantinedShare) {
        throw new JobException(ExitCode.VALIDATION_FAILED, String.format(
            "%d of %d reports (%.2f%%) in %s failed validation %s, above the allowed %.2f%%; no ranking written; "
                + "see %s", quarantined, total.read, 100 * share, path, total.rejected, 100 * maxQuarantinedShare,
            w.partition(Warehouse.QUARANTINE, campaign, ds)));
      }
      // The solve only where the sketch has enough cells per candidate; plain decoding elsewhere.
      boolean solve = collisionAware
          && total.aggregator.oracle() instanceof org.dpcurate.oracle.HashedOracle hashed
          && org.dpcurate.estimation.CollisionAwareDecoding.wellConditioned(hashed, published.oracle().domainSize());
      long decode = System.nanoTime();
      FrequencyEstimates estimates = accepted == 0 ? null
          : solve ? total.aggregator.estimateCollisionAware() : total.aggregator.estimate();
      LOG.info("{} {}: {} decoding in {}", campaign, ds, solve ? "collision-aware" : "plain", Timing.since(decode));
      return new Result(estimates, total.read, accepted,
          new TreeMap<>(total.rejected), seconds);
    } catch (JobException e) {
      throw e;
    } catch (Exception e) {
      // Spark reports unreadable files with checked SparkExceptions; the message names the file.
      throw new JobException(ExitCode.MISSING_INPUT, "cannot read reports at " + path + ": " + e.getMessage(), e);
    } finally {
      oracle.destroy();
    }
  }

  /** Validates and aggregates {@code rows} on the executors; only the merged state reaches the driver. */
  private static PartialAggregate aggregate(Dataset<Row> rows, Column[] validation,
      Broadcast<FrequencyOracle> oracle, double epsilon) {
    return rows.select(validation).javaRDD()
        .mapPartitions((Iterator<Row> it) -> {
          PartialAggregate part = validateAndAdd(it, oracle.value(), epsilon, null);
          List<PartialAggregate> one = new ArrayList<>(1);
          one.add(part);
          return one.iterator();
        })
        .treeReduce(PartialAggregate::merge);
  }

  private static PartialAggregate validateAndAdd(Iterator<Row> rows, FrequencyOracle o, double epsilon,
      RepeatedIds.Buckets idHashes) {
    PartialAggregate part = new PartialAggregate(o.newAggregator());
    String[] detail = new String[1];
    int hashColumn = ReportTable.COLUMNS.length;
    while (rows.hasNext()) {
      Row row = rows.next();
      part.read++;
      String reason = validate(row, o, epsilon, detail, part.aggregator);
      if (reason != null) {
        part.rejected.merge(reason, 1L, Long::sum);
      }
      if (idHashes != null && !row.isNullAt(hashColumn)) {
        idHashes.add(row.getLong(hashColumn));
      }
    }
    return part;
  }

  /** The aggregate of every row and the report_id hashes that occur more than once. */
  record OnePass(PartialAggregate total, List<Long> repeatedHashes) {}

  /**
   * One read of the reports and one shuffle: each partition emits its aggregate (key -1) and its id hashes in
   * bucketed long[] chunks; each bucket sorts its hashes and returns the repeated ones, and the bucket that receives
   * the aggregates merges them. (Mostly-small counts compress well in the shuffle: FLH's S x g state costs less
   * than the hashes.)
   */
  private static OnePass aggregateAndHashIds(Dataset<Row> reports, Column[] validation,
      Broadcast<FrequencyOracle> oracle, double epsilon) {
    Column[] withHash = Arrays.copyOf(validation, validation.length + 1);
    withHash[validation.length] = functions.when(functions.col("report_id").isNotNull(),
        functions.xxhash64(functions.col("report_id"))).as("id_hash");
    JavaRDD<Row> rows = reports.select(withHash).javaRDD();
    int buckets = RepeatedIds.bucketsFor(rows.getNumPartitions());
    List<Object> results = rows.mapPartitionsToPair((Iterator<Row> it) -> {
      RepeatedIds.Buckets ids = new RepeatedIds.Buckets(buckets);
      PartialAggregate part = validateAndAdd(it, oracle.value(), epsilon, ids);
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
      total = new PartialAggregate(oracle.value().newAggregator());
    }
    return new OnePass(total, repeated);
  }

  /** The rejected rows with their reasons: a second pass, run only when something was rejected. */
  private static Dataset<Row> quarantine(Dataset<Row> counted, Column[] validation,
      Broadcast<FrequencyOracle> oracle, double epsilon, Dataset<Row> duplicates) {
    int width = validation.length;
    Column[] both = new Column[width + ReportTable.COLUMNS.length];
    System.arraycopy(validation, 0, both, 0, width);
    for (int i = 0; i < ReportTable.COLUMNS.length; i++) {
      both[width + i] = functions.col(ReportTable.COLUMNS[i]).as("original_" + i);
    }
    MapPartitionsFunction<Row, Row> rejectedOnly = rows -> {
      FrequencyOracle o = oracle.value();
      String[] detail = new String[1];
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        String reason = validate(row, o, epsilon, detail, null);
        if (reason != null) {
          Object[] values = new Object[ReportTable.COLUMNS.length + 2];
          for (int i = 0; i < ReportTable.COLUMNS.length; i++) {
            values[i] = row.get(width + i);
          }
          values[ReportTable.COLUMNS.length] = reason;
          values[ReportTable.COLUMNS.length + 1] = detail[0];
          out.add(RowFactory.create(values));
        }
      }
      return out.iterator();
    };
    Dataset<Row> invalid = counted.select(both).mapPartitions(rejectedOnly, Encoders.row(QUARANTINE_SCHEMA));
    return duplicates == null ? invalid : invalid.unionByName(duplicates);
  }
}
