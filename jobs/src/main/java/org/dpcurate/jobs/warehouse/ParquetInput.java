package org.dpcurate.jobs.warehouse;

import java.io.IOException;
import java.io.ObjectStreamException;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;

/**
 * Reading Parquet inputs strictly: a directory's data files as {@link PartitionFiles} lists them (or one file),
 * column types checked exactly against the schema Spark infers, and failures to read a file reported as input
 * errors (exit 3) naming it. A file whose column type differs from the inferred one (another file's) fails to read
 * where Spark cannot convert it and is refused by the type check where it can, so no mix of types is ever read.
 */
public final class ParquetInput {
  private ParquetInput() {}

  /** The data at {@code path}; {@code empty} when a directory holds no data file (null: that is an error too). */
  public static Dataset<Row> read(Warehouse w, String path, StructType empty) {
    List<String> files = w.isDirectory(path) ? PartitionFiles.of(w, path) : List.of(new Path(path).toString());
    if (files.isEmpty()) {
      if (empty == null) {
        throw new JobException(ExitCode.MISSING_INPUT, path + " holds no data file");
      }
      return w.spark().createDataFrame(List.of(), empty);
    }
    return reading(path, () -> w.spark().read().parquet(files.toArray(String[]::new)));
  }

  /** Every column of {@code expected} that {@code found} has must have its type exactly. */
  public static void requireTypes(String path, StructType found, StructType expected) {
    List<String> columns = List.of(found.fieldNames());
    for (StructField f : expected.fields()) {
      if (!columns.contains(f.name())) {
        continue;
      }
      DataType type = found.apply(f.name()).dataType();
      // The type as SQL spells it: nullability (which Parquet does not keep for array elements) aside.
      if (!type.catalogString().equals(f.dataType().catalogString())) {
        throw new JobException(ExitCode.MISSING_INPUT, path + " does not match its schema: column " + f.name()
            + " is " + type.catalogString() + ", the schema has " + f.dataType().catalogString()
            + " (docs/schemas.md); nothing is cast");
      }
    }
  }

  /** Runs a Spark action over input files, turning a failure to read them into exit 3 naming {@code path}. */
  public static <T> T reading(String path, Supplier<T> action) {
    try {
      return action.get();
    } catch (JobException e) {
      throw e;
    } catch (Exception e) {
      // Spark throws its checked SparkException from Scala code, undeclared: catch it here to classify it.
      if (unreadable(e)) {
        throw new JobException(ExitCode.MISSING_INPUT, "cannot read " + path + ": " + e.getMessage(), e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /**
   * Whether a failure comes from the files themselves: an I/O error (not a serialization one, which is a bug), a
   * file that is not Parquet or cannot be decoded, or Spark's FAILED_READ_FILE, anywhere in the cause chain.
   */
  static boolean unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof IOException && !(t instanceof ObjectStreamException)
          || t.getClass().getName().startsWith("org.apache.parquet.")
          || message.contains("FAILED_READ_FILE") || message.contains("is not a Parquet file")
          || message.contains("CANNOT_MERGE_SCHEMAS") || message.contains("Failed to merge")) {
        return true;
      }
    }
    return false;
  }
}
