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
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.dpcurate.jobs.estimation.Rejection;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.IngestRejectsTable;
import org.dpcurate.jobs.tables.RankedTable;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.jobs.warehouse.Withdrawals;
import org.dpcurate.oracle.FrequencyOracle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests a date's uploads: every line of every landed batch becomes a report row, an identical copy of one (an
 * upload delivered twice: counted and dropped) or an ingest rejection (nothing is lost: lines = accepted + dropped
 * copies + rejected), validated against the date's published config with estimate's reason codes; a report_id
 * reused with another payload is rejected. The rejections are committed first; above the allowed rejected share the
 * date fails (exit 4) with no reports, else the reports partition is committed with its manifest (bound to the
 * config, listing the batches). Re-running with the same landed files changes nothing; a new batch re-ingests the
 * date's batches together and withdraws a ranking the date already had (estimate it again).
 */
public final class Ingestion {
  private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);
  /** The mark of an identical copy of an accepted line: dropped and counted, never a rejection. */
  private static final String IDENTICAL_COPY = "IDENTICAL_COPY";
  private static final String DUPLICATE_REPORT_ID = Rejection.DUPLICATE_REPORT_ID.name();

  /** Report columns, nullable (rejections leave them null), then the rejection's columns. */
  private static final StructType CHECKED = new StructType(Arrays.stream(ReportTable.SCHEMA.fields())
      .map(f -> f.copy(f.name(), f.dataType(), true, f.metadata())).toArray(StructField[]::new))
      .add("file", DataTypes.StringType, true).add("line", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true).add("detail", DataTypes.StringType, true)
      .add("line_base64", DataTypes.StringType, true).add("position", DataTypes.LongType, true);

  private final Warehouse w;
  private final String campaign;
  private final String landingRoot;
  private final double maxRejectedShare;
  private final UploadFormat format;
  private final int maxReusedIds;

  /**
   * @param maxRejectedShare above this share of rejected lines the date fails (exit 4) with its rejects written
   * @param format the landed files' wire format
   */
  public Ingestion(Warehouse w, String campaign, String landingRoot, double maxRejectedShare, UploadFormat format) {
    this(w, campaign, landingRoot, maxRejectedShare, format, MAX_REUSED_IDS);
  }

  /** As above, ordering every accepted line by id above {@code maxReusedIds} reused ids (tests reach both ways). */
  Ingestion(Warehouse w, String campaign, String landingRoot, double maxRejectedShare, UploadFormat format,
      int maxReusedIds) {
    this.maxReusedIds = maxReusedIds;
    this.w = w;
    this.campaign = campaign;
    this.landingRoot = landingRoot;
    this.maxRejectedShare = maxRejectedShare;
    this.format = format;
  }

  /**
   * What one ingestion did; {@code unchanged} when the landed files were ingested before. Lines read = accepted +
   * duplicates dropped + rejected.
   *
   * @param duplicatesDropped identical copies of an accepted line (an upload delivered twice), counted, not kept
   * @param rankingWithdrawn the date had a ranking, now stale: estimate it again
   * @param unattested accepted reports without a token (a round whose tokens are optional)
   */
  public record Result(boolean unchanged, int batches, long lines, long accepted, long duplicatesDropped,
      Map<String, Long> rejected, boolean rankingWithdrawn, long unattested) {}

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
      return new Result(true, landed.batches().size(), 0, 0, 0, Map.of(), false, 0);
    }
    // A token names its report: a token spent twice with two payloads is a reused token, not just a reused id.
    String reused = published.tokens() != null ? Rejection.DUPLICATE_TOKEN.name() : DUPLICATE_REPORT_ID;
    Dataset<Row> validated = check(landed, published).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> checked = deduplicated(validated, reused, maxReusedIds);
    try {
      Column[] reportColumns = Arrays.stream(ReportTable.COLUMNS).map(functions::col).toArray(Column[]::new);
      // One pass counts every outcome: the null reason is the accepted lines.
      Map<String, Long> rejected = new TreeMap<>();
      long accepted = 0;
      long unattested = 0;
      long duplicates = 0;
      Column note = functions.when(functions.col("reason").isNull(), functions.col("detail"));
      for (Row r : ParquetInput.reading(landed.dir(),
          () -> checked.groupBy(functions.col("reason"), note.as("note")).count().collectAsList())) {
        if (r.isNullAt(0)) {
          accepted += r.getLong(2);
          unattested += UploadValidation.UNATTESTED.equals(r.getString(1)) ? r.getLong(2) : 0;
        } else if (r.getString(0).equals(IDENTICAL_COPY)) {
          duplicates = r.getLong(2);
        } else {
          rejected.put(r.getString(0), r.getLong(2));
        }
      }
      long rejectedLines = rejected.values().stream().mapToLong(Long::longValue).sum();
      long lines = accepted + duplicates + rejectedLines;
      Dataset<Row> rejects = checked.where("reason is not null and reason <> '" + IDENTICAL_COPY + "'");
      if (rejected.containsKey(reused)) {
        rejects = withLinesOfReusedIds(rejects, landed, reused);
      }
      w.commit(rejects.select("file", "line", "reason", "detail", "line_base64").coalesce(1),
          IngestRejectsTable.NAME, campaign, ds, Manifest.ofRound(published.round())
              .set("config_hash", published.hash()).input(landed.dir()).count("lines", lines)
              .count("rejected", rejectedLines).count("rejected_by_reason", rejected));
      double share = lines == 0 ? 0 : (double) rejectedLines / lines;
      if (share > maxRejectedShare) {
        Withdrawals.withdraw(w, ReportTable.NAME, campaign, ds, String.format("ingestion rejected %d of %d lines",
            rejectedLines, lines));
        throw new JobException(ExitCode.VALIDATION_FAILED, String.format("%s %s: %d of %d lines (%.2f%%) were "
            + "rejected %s, above the allowed %.2f%% (--max-rejected-share); no reports committed; see %s",
            campaign, ds, rejectedLines, lines, 100 * share, rejected, 100 * maxRejectedShare,
            w.partition(IngestRejectsTable.NAME, campaign, ds)));
      }
      Manifest manifest = Manifest.ofRound(published.round()).set("config_hash", published.hash())
          .set("landing", landed.dir()).set("batches", landed.batches())
          .set("landing_fingerprint", landed.fingerprint()).input(landed.dir())
          .count("lines", lines).count("accepted", accepted).count("duplicates_dropped", duplicates)
          .count("unattested", unattested)
          .count("rejected_by_reason", rejected).timing("ingest", Timing.seconds(start));
      w.commit(checked.where("reason is null").select(reportColumns), ReportTable.NAME, campaign, ds, manifest);
      // Identical redeliveries add no report; new reports make a ranking of the date stale.
      boolean withdrawn = previous != null && accepted != previousAccepted(previous)
          && w.isCommitted(w.partition(RankedTable.NAME, campaign, ds));
      if (withdrawn) {
        Withdrawals.withdraw(w, RankedTable.NAME, campaign, ds, "uploads landed after the date was estimated "
            + "were ingested; estimate the date again");
      }
      LOG.info("{} {}: ingested {} batches, {} lines: {} reports{}, {} identical copies dropped, rejected {} in {}",
          campaign, ds, landed.batches().size(), lines, accepted,
          published.tokens() == null ? "" : " (" + unattested + " unattested)", duplicates, rejected,
          Timing.since(start));
      return new Result(false, landed.batches().size(), lines, accepted, duplicates, rejected, withdrawn,
          unattested);
    } finally {
      validated.unpersist();
    }
  }

  /**
   * {@code rejects} with the lines of the copies rejected as {@code reused} ids, read again from the landed files
   * by position: only a date with such copies reads its files twice.
   */
  private Dataset<Row> withLinesOfReusedIds(Dataset<Row> rejects, LandingBatches landed, String reused) {
    // Accepted lines were valid UTF-8, so the cast decodes them exactly.
    Dataset<Row> lines = ParquetInput.reading(landed.dir(), () -> format.records(w.spark(), landed.files()))
        .select(functions.col("file").as("_file"), functions.col("position").as("_position"),
            functions.col("value").cast("string").as("_line"));
    Column copy = functions.col("reason").equalTo(reused).and(functions.col("file").equalTo(functions.col("_file")))
        .and(functions.col("position").equalTo(functions.col("_position")));
    return rejects.join(lines, copy, "left")
        .withColumn("line", functions.coalesce(functions.col("line"), functions.col("_line")))
        .drop("_file", "_position", "_line");
  }

  /** The reports an earlier ingestion of the date committed, from its manifest (-1 if it does not say). */
  private static long previousAccepted(Map<String, Object> manifest) {
    return manifest.get("counts") instanceof Map<?, ?> counts && counts.get("accepted") instanceof Number n
        ? n.longValue() : -1;
  }

  /**
   * A report row (with its note, if any, as the detail) or a rejection row as a row of {@link #CHECKED}, with the
   * record's file and position. A report's line is left out: nearly every report is kept, and its columns hold
   * what the line said; the rare copy rejected as a reused id gets its line back by position
   * ({@link #withLinesOfReusedIds}).
   */
  private static Row widen(Row r, int reportColumns, String file, long position) {
    Object[] values = new Object[reportColumns + 6];
    values[reportColumns + 5] = position;
    boolean report = r.size() >= reportColumns;
    if (report) {
      for (int i = 0; i < reportColumns; i++) {
        values[i] = r.get(i);
      }
      values[reportColumns] = file;
      values[reportColumns + 3] = r.size() > reportColumns ? r.get(reportColumns) : null;
    } else {
      for (int i = 0; i < r.size(); i++) {
        values[reportColumns + i] = r.get(i);
      }
    }
    return RowFactory.create(values);
  }

  /**
   * Uploads are delivered at least once: of the accepted lines with one report_id, the first (by file, then
   * payload) is the report; an identical copy is marked {@link #IDENTICAL_COPY} (counted, not kept), a copy with
   * another payload is rejected as {@code reused}: {@code DUPLICATE_REPORT_ID}, or {@code DUPLICATE_TOKEN} in a
   * round with tokens, whose report ids are the tokens'. Only the lines whose id occurs more than once are ordered
   * by id (when at most {@code maxReusedIds} ids do, found in one pass over the ids alone; above that, all are);
   * the others, nearly all, are reports as they stand and never cross a shuffle.
   */
  private static Dataset<Row> deduplicated(Dataset<Row> validated, String reused, int maxReusedIds) {
    Dataset<Row> accepted = validated.where("reason is null");
    Dataset<Row> reusedIds = accepted.groupBy("report_id").count().where("count > 1").select("report_id");
    List<Row> ids = reusedIds.limit(maxReusedIds + 1).collectAsList();
    Dataset<Row> reports;
    if (ids.size() > maxReusedIds) {
      reports = firstOfEachId(accepted, reused);
    } else {
      Dataset<Row> reusedSet = functions.broadcast(validated.sparkSession().createDataFrame(ids,
          new StructType().add("report_id", DataTypes.StringType, false)));
      reports = accepted.join(reusedSet, accepted.col("report_id").equalTo(reusedSet.col("report_id")), "left_anti")
          .unionByName(firstOfEachId(accepted.join(reusedSet,
              accepted.col("report_id").equalTo(reusedSet.col("report_id")), "left_semi"), reused));
    }
    return reports.unionByName(validated.where("reason is not null"));
  }

  /** Above this many reused report ids a date's accepted lines are all ordered by id (no broadcast set). */
  private static final int MAX_REUSED_IDS = 100_000;

  /** The window of {@link #deduplicated} over {@code reports}: the first of each id stays, the others are marked. */
  private static Dataset<Row> firstOfEachId(Dataset<Row> reports, String reused) {
    Column[] payload = Arrays.stream(ReportTable.COLUMNS).map(functions::col).toArray(Column[]::new);
    Column[] order = new Column[payload.length + 1];
    order[0] = functions.col("file");
    for (int i = 0; i < payload.length; i++) {
      order[i + 1] = functions.col(ReportTable.COLUMNS[i]).asc_nulls_first();
    }
    WindowSpec byId = Window.partitionBy("report_id").orderBy(order);
    Column first = functions.first(functions.struct(payload)).over(byId);
    Column firstFile = functions.first(functions.col("file")).over(byId);
    Column copy = functions.row_number().over(byId).gt(1);
    return reports
        .withColumn("_copy", copy).withColumn("_same", functions.struct(payload).equalTo(first))
        .withColumn("_kept_file", firstFile)
        .withColumn("reason", functions.when(functions.col("_copy").and(functions.col("_same")),
            functions.lit(IDENTICAL_COPY)).when(functions.col("_copy"), functions.lit(reused)))
        .withColumn("detail", functions.when(functions.col("reason").equalTo(reused),
            functions.concat(functions.lit("report_id reused with another payload; the report in "),
                functions.col("_kept_file"), functions.lit(" was kept")))
            .otherwise(functions.col("detail")))
        .drop("_copy", "_same", "_kept_file");
  }

  /** Every landed line, checked on the executors. */
  private Dataset<Row> check(LandingBatches landed, PublishedConfig published) {
    return check(w, landed, published, format);
  }

  /** Static: the executors' closure must not capture the ingestion. */
  private static Dataset<Row> check(Warehouse w, LandingBatches landed, PublishedConfig published,
      UploadFormat format) {
    if (landed.files().isEmpty()) {
      return w.spark().createDataFrame(new ArrayList<>(), CHECKED);
    }
    Broadcast<FrequencyOracle> oracle = JavaSparkContext.fromSparkContext(w.spark().sparkContext())
        .broadcast(FrequencyOracle.of(published.oracle()));
    UploadRound round = UploadRound.of(published);
    int reportColumns = ReportTable.COLUMNS.length;
    MapPartitionsFunction<Row, Row> validate = rows -> {
      UploadFormat.Decoder decoder = format.decoder(oracle.value(), round);
      // Lazily, a row per upload: a partition's records are never all in memory.
      return new Iterator<Row>() {
        private Row next;

        @Override
        public boolean hasNext() {
          while (next == null && rows.hasNext()) {
            Row in = rows.next();
            byte[] record = (byte[]) in.get(0);
            Row checked = decoder.check(in.getString(1), record);
            if (checked != null) {
              next = widen(checked, reportColumns, in.getString(1), in.getLong(2));
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
    return ParquetInput.reading(landed.dir(), () -> format.records(w.spark(), files)
        .mapPartitions(validate, Encoders.row(CHECKED)));
  }
}
