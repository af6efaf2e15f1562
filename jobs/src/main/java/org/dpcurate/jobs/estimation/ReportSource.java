package org.dpcurate.jobs.estimation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PartitionFiles;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;

/**
 * A date's report partition as a Dataset of the report columns: exactly its data files, checked against the report
 * schema and bound to the date's published config. Failures to read its files are input errors (exit 3) naming the
 * partition or file; anything else that fails while its rows are read is a bug and keeps its stack trace.
 */
final class ReportSource {
  private final String path;
  private final Dataset<Row> reports;

  private ReportSource(String path, Dataset<Row> reports) {
    this.path = path;
    this.reports = reports;
  }

  /**
   * The reports of {@code ds}, bound to {@code published}: only the partition's data files are read (any other entry
   * is an error), every report column must have the report schema's exact type, and a partition whose manifest
   * names another campaign, date or config hash than the published config is refused.
   */
  static ReportSource open(Warehouse w, String campaign, LocalDate ds, PublishedConfig published) {
    String path = w.requireInput(ReportTable.NAME, campaign, ds);
    requireBoundTo(w, path, campaign, ds, published);
    List<String> files = PartitionFiles.of(w, path);
    ReportSource unread = new ReportSource(path, null);
    // Spark cannot infer a schema from no files; an empty partition is a date without reports. Merging the files'
    // schemas makes files that disagree on a column's type an error instead of a silent cast.
    Dataset<Row> all = files.isEmpty() ? w.spark().createDataFrame(List.of(), ReportTable.SCHEMA)
        : unread.reading(() -> w.spark().read().option("mergeSchema", "true").parquet(files.toArray(String[]::new)));
    requireReportSchema(path, all.schema());
    Column[] select = Arrays.stream(ReportTable.COLUMNS).map(functions::col).toArray(Column[]::new);
    return new ReportSource(path, all.select(select));
  }

  private static void requireReportSchema(String path, StructType found) {
    List<String> columns = Arrays.asList(found.fieldNames());
    for (StructField expected : ReportTable.SCHEMA.fields()) {
      if (!columns.contains(expected.name())) {
        throw new JobException(ExitCode.MISSING_INPUT, "reports at " + path + " do not match the report schema: "
            + "column " + expected.name() + " is missing; found " + columns);
      }
      DataType type = found.apply(expected.name()).dataType();
      if (!type.equals(expected.dataType())) {
        throw new JobException(ExitCode.MISSING_INPUT, "reports at " + path + " do not match the report schema: "
            + "column " + expected.name() + " is " + type.catalogString() + ", the schema has "
            + expected.dataType().catalogString() + " (docs/schemas.md); nothing is cast");
      }
    }
    List<String> extra = columns.stream().filter(c -> !Arrays.asList(ReportTable.COLUMNS).contains(c)).toList();
    if (!extra.isEmpty()) {
      throw new JobException(ExitCode.MISSING_INPUT, "reports at " + path + " do not match the report schema: "
          + "unknown columns " + extra);
    }
  }

  /** A partition's manifest, where it has one, must name this campaign, date and published config. */
  private static void requireBoundTo(Warehouse w, String path, String campaign, LocalDate ds,
      PublishedConfig published) {
    Map<String, Object> manifest = Manifest.read(w, path);
    if (manifest == null) {
      return;
    }
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("campaign", campaign);
    expected.put("ds", ds.toString());
    expected.put("config_hash", published.hash());
    expected.forEach((key, value) -> {
      if (!value.equals(manifest.get(key))) {
        throw new JobException(ExitCode.MISSING_INPUT, "reports at " + path + " were made for " + key + " "
            + manifest.get(key) + ", but the date's published config has " + value + " (" + w.configPath(campaign, ds)
            + "); reports are bound to the config they were made under");
      }
    });
  }

  String path() {
    return path;
  }

  /** The report columns, in {@link ReportTable#COLUMNS} order. */
  Dataset<Row> reports() {
    return reports;
  }

  /** Runs a Spark action over the reports, turning a failure to read their files into exit 3. */
  <T> T reading(Supplier<T> action) {
    try {
      return action.get();
    } catch (JobException e) {
      throw e;
    } catch (Exception e) {
      // Spark throws its checked SparkException from Scala code, undeclared: catch it here to classify it.
      if (unreadableInput(e)) {
        throw new JobException(ExitCode.MISSING_INPUT, "cannot read reports at " + path + ": " + e.getMessage(), e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /**
   * Whether a failure comes from the files themselves: an I/O error, a file that is not Parquet or cannot be
   * decoded, or Spark's FAILED_READ_FILE, anywhere in the cause chain.
   */
  static boolean unreadableInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof IOException || t.getClass().getName().startsWith("org.apache.parquet.")
          || message.contains("FAILED_READ_FILE") || message.contains("is not a Parquet file")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
