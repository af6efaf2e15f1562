package org.dpcurate.jobs.ingestion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.IngestRejectsTable;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.FrequencyOracle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests a date's uploads: every line of every landed batch becomes a report row or an ingest rejection (nothing
 * is lost: lines = accepted + rejected), validated against the date's published config with estimate's reason
 * codes; the reports partition is committed with its manifest (bound to the config, listing the batches) and the
 * rejections beside it. Re-running with the same landed files changes nothing; a new batch re-ingests the date's
 * batches together.
 */
public final class Ingestion {
  private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);

  /** Report columns, nullable (rejections leave them null), then the rejection's columns. */
  private static final StructType CHECKED = new StructType(Arrays.stream(ReportTable.SCHEMA.fields())
      .map(f -> f.copy(f.name(), f.dataType(), true, f.metadata())).toArray(StructField[]::new))
      .add("file", DataTypes.StringType, true).add("line", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true).add("detail", DataTypes.StringType, true);

  private final Warehouse w;
  private final String campaign;
  private final String landingRoot;

  public Ingestion(Warehouse w, String campaign, String landingRoot) {
    this.w = w;
    this.campaign = campaign;
    this.landingRoot = landingRoot;
  }

  /** What one ingestion did; {@code unchanged} when the landed files were ingested before. */
  public record Result(boolean unchanged, int batches, long lines, long accepted, Map<String, Long> rejected) {}

  public Result ingest(LocalDate ds) {
    long start = System.nanoTime();
    PublishedConfig published = PublishedConfigs.read(w, campaign, ds);
    LandingBatches landed = LandingBatches.of(w.spark().sparkContext().hadoopConfiguration(), landingRoot,
        campaign, ds.toString());
    String reports = w.partition(ReportTable.NAME, campaign, ds);
    Map<String, Object> previous = w.isCommitted(reports) ? Manifest.read(w, reports) : null;
    if (previous != null && landed.fingerprint().equals(previous.get("landing_fingerprint"))
        && published.hash().equals(previous.get("config_hash"))) {
      LOG.info("{} {}: the {} landed batches were ingested before; nothing to do", campaign, ds,
          landed.batches().size());
      return new Result(true, landed.batches().size(), 0, 0, Map.of());
    }
    Dataset<Row> checked = check(landed, published).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Column[] reportColumns = Arrays.stream(ReportTable.COLUMNS).map(functions::col).toArray(Column[]::new);
      // One pass counts both: the null reason is the accepted lines.
      Map<String, Long> rejected = new TreeMap<>();
      long accepted = 0;
      for (Row r : ParquetInput.reading(landed.dir(), () -> checked.groupBy("reason").count().collectAsList())) {
        if (r.isNullAt(0)) {
          accepted = r.getLong(1);
        } else {
          rejected.put(r.getString(0), r.getLong(1));
        }
      }
      long lines = accepted + rejected.values().stream().mapToLong(Long::longValue).sum();
      Manifest manifest = Manifest.ofRound(published.round()).set("config_hash", published.hash())
          .set("landing", landed.dir()).set("batches", landed.batches())
          .set("landing_fingerprint", landed.fingerprint()).input(landed.dir())
          .count("lines", lines).count("accepted", accepted).count("rejected_by_reason", rejected)
          .timing("ingest", Timing.seconds(start));
      w.commit(checked.where("reason is null").select(reportColumns), ReportTable.NAME, campaign, ds, manifest);
      w.commit(checked.where("reason is not null").select("file", "line", "reason", "detail").coalesce(1),
          IngestRejectsTable.NAME, campaign, ds, Manifest.ofRound(published.round())
              .set("config_hash", published.hash()).input(landed.dir()).count("rejected", lines - accepted));
      LOG.info("{} {}: ingested {} batches, {} lines: {} reports, rejected {} in {}", campaign, ds,
          landed.batches().size(), lines, accepted, rejected, Timing.since(start));
      return new Result(false, landed.batches().size(), lines, accepted, rejected);
    } finally {
      checked.unpersist();
    }
  }

  /** A report row or a rejection row as a row of {@link #CHECKED}. */
  private static Row widen(Row r, int reportColumns) {
    Object[] values = new Object[reportColumns + 4];
    int offset = r.size() == reportColumns ? 0 : reportColumns;
    for (int i = 0; i < r.size(); i++) {
      values[offset + i] = r.get(i);
    }
    return RowFactory.create(values);
  }

  /** Every landed line, checked on the executors. */
  private Dataset<Row> check(LandingBatches landed, PublishedConfig published) {
    return check(w, landed, published);
  }

  /** Static: the executors' closure must not capture the ingestion. */
  private static Dataset<Row> check(Warehouse w, LandingBatches landed, PublishedConfig published) {
    if (landed.files().isEmpty()) {
      return w.spark().createDataFrame(new ArrayList<>(), CHECKED);
    }
    Broadcast<FrequencyOracle> oracle = JavaSparkContext.fromSparkContext(w.spark().sparkContext())
        .broadcast(FrequencyOracle.of(published.oracle()));
    double epsilon = published.oracle().epsilon();
    int reportColumns = ReportTable.COLUMNS.length;
    MapPartitionsFunction<Row, Row> validate = rows -> {
      UploadValidation validation = new UploadValidation(oracle.value(), epsilon);
      // Lazily, a row per non-blank line: a partition's lines are never all in memory.
      return new Iterator<Row>() {
        private Row next;

        @Override
        public boolean hasNext() {
          while (next == null && rows.hasNext()) {
            Row in = rows.next();
            if (!in.getString(0).isBlank()) {
              next = widen(validation.check(in.getString(1), in.getString(0)), reportColumns);
            }
          }
          return next != null;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Row out = next;
          next = null;
          return out;
        }
      };
    };
    List<String> files = landed.files();
    return ParquetInput.reading(landed.dir(), () -> w.spark().read().text(files.toArray(String[]::new))
        .select(functions.col("value"), functions.input_file_name().as("file"))
        .mapPartitions(validate, Encoders.row(CHECKED)));
  }
}
