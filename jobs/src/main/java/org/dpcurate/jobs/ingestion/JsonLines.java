package org.dpcurate.jobs.ingestion;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.dpcurate.oracle.FrequencyOracle;

/** The JSON-lines wire format of docs/protocol.md "Uploads": a line a record (LF or CRLF), blank lines ignored. */
final class JsonLines implements UploadFormat {
  private static final long serialVersionUID = 1L;

  @Override
  public Dataset<Row> records(SparkSession spark, List<String> files) {
    return spark.read().text(files.toArray(String[]::new))
        .select(functions.col("value"), functions.input_file_name().as("file"));
  }

  @Override
  public Decoder decoder(FrequencyOracle oracle, double epsilon) {
    UploadValidation validation = new UploadValidation(oracle, epsilon);
    return (file, line) -> line.isBlank() ? null : validation.check(file, line);
  }
}
