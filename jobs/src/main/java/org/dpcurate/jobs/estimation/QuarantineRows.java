package org.dpcurate.jobs.estimation;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.dpcurate.jobs.tables.QuarantineTable;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.oracle.FrequencyOracle;

/** The rejected rows of a date as they came, with their reasons: a second pass, run only when some were rejected. */
final class QuarantineRows {
  private QuarantineRows() {}

  /** The rows of {@code counted} that fail validation, plus {@code duplicates} (null: none). */
  static Dataset<Row> of(Dataset<Row> counted, Broadcast<FrequencyOracle> oracle, double epsilon,
      Dataset<Row> duplicates) {
    Column[] validation = ReportRow.columns(oracle.value().kind(), false);
    int width = validation.length;
    int reportColumns = ReportTable.COLUMNS.length;
    Column[] both = new Column[width + reportColumns];
    System.arraycopy(validation, 0, both, 0, width);
    for (int i = 0; i < reportColumns; i++) {
      both[width + i] = functions.col(ReportTable.COLUMNS[i]).as("original_" + i);
    }
    MapPartitionsFunction<Row, Row> rejectedOnly = rows -> {
      ReportValidator validator = new ReportValidator(oracle.value(), epsilon);
      ReportRow view = ReportRow.view();
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        ReportValidator.Rejected rejected = validator.check(view.of(row), null);
        if (rejected != null) {
          Object[] values = new Object[reportColumns + 2];
          for (int i = 0; i < reportColumns; i++) {
            values[i] = row.get(width + i);
          }
          values[reportColumns] = rejected.reason().name();
          values[reportColumns + 1] = rejected.detail();
          out.add(RowFactory.create(values));
        }
      }
      return out.iterator();
    };
    Dataset<Row> invalid = counted.select(both).mapPartitions(rejectedOnly, Encoders.row(QuarantineTable.SCHEMA));
    return duplicates == null ? invalid : invalid.unionByName(duplicates);
  }
}
