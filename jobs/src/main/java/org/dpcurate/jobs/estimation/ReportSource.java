package org.dpcurate.jobs.estimation;

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
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
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
    // Only a committed partition is read: ingest (or a simulation) commits it with its manifest.
    String path = w.requireCommitted(ReportTable.NAME, campaign, ds);
    requireBoundTo(w, path, campaign, ds, published);
    // An empty partition is a date without reports.
    Dataset<Row> all = ParquetInput.read(w, path, ReportTable.SCHEMA);
    requireReportSchema(path, all.schema());
    Column[] select = Arrays.stream(ReportTable.COLUMNS).map(functions::col).toArray(Column[]::new);
    return new ReportSource(path, all.select(select));
  }

  private static void requireReportSchema(String path, StructType found) {
    List<String> columns = Arrays.asList(found.fieldNames());
    for (String expected : ReportTable.COLUMNS) {
      if (!columns.contains(expected)) {
        throw new JobException(ExitCode.MISSING_INPUT, "reports at " + path + " do not match the report schema: "
            + "column " + expected + " is missing; found " + columns);
      }
    }
    List<String> extra = columns.stream().filter(c -> !Arrays.asList(ReportTable.COLUMNS).contains(c)).toList();
    if (!extra.isEmpty()) {
      throw new JobException(ExitCode.MISSING_INPUT, "reports at " + path + " do not match the report schema: "
          + "unknown columns " + extra);
    }
    ParquetInput.requireTypes("reports at " + path, found, ReportTable.SCHEMA);
  }

  /** A partition's manifest must name this campaign, date and published config. */
  private static void requireBoundTo(Warehouse w, String path, String campaign, LocalDate ds,
      PublishedConfig published) {
    Map<String, Object> manifest = Manifest.read(w, path);
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
    return ParquetInput.reading(path, action);
  }
}
