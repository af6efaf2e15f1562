package org.dpcurate.jobs.estimation;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Warehouse;

/**
 * A date's report partition as a Dataset of the report columns, checked against the report schema. Failures to read
 * its files are input errors (exit 3) naming the partition; anything else that fails while its rows are read is a
 * bug and keeps its stack trace.
 */
final class ReportSource {
  private final String path;
  private final Dataset<Row> reports;

  private ReportSource(String path, Dataset<Row> reports) {
    this.path = path;
    this.reports = reports;
  }

  static ReportSource open(Warehouse w, String campaign, LocalDate ds) {
    String path = w.requireInput(ReportTable.NAME, campaign, ds);
    ReportSource unread = new ReportSource(path, null);
    // Spark cannot infer a schema from no files; an empty partition is a date without reports.
    Dataset<Row> all = w.dataFiles(path).isEmpty() ? w.spark().createDataFrame(List.of(), ReportTable.SCHEMA)
        : unread.reading(() -> w.spark().read().parquet(path));
    List<String> columns = Arrays.asList(all.columns());
    for (String c : ReportTable.COLUMNS) {
      if (!columns.contains(c)) {
        throw new JobException(ExitCode.MISSING_INPUT, "reports at " + path + " do not match the report schema: "
            + "column " + c + " is missing; found " + columns);
      }
    }
    Column[] select = Arrays.stream(ReportTable.COLUMNS).map(functions::col).toArray(Column[]::new);
    return new ReportSource(path, all.select(select));
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
