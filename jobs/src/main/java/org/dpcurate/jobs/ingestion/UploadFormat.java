package org.dpcurate.jobs.ingestion;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.oracle.FrequencyOracle;

/**
 * How landed upload files become uploads: which records the files hold, and how one record becomes a report row
 * or a rejection. A new wire format is one implementation; ingestion's rules (every record accounted for, copies,
 * reused ids, the rejected share) stay the same.
 */
public interface UploadFormat extends Serializable {
  /**
   * The files' records as rows of (value: one record's exact bytes, file: the file it came from, position: where
   * in the file it starts, unique within the file); the same files give the same rows.
   */
  Dataset<Row> records(SparkSession spark, List<String> files);

  /** The decoder an executor uses for a round with this oracle, checked against {@code round}. */
  Decoder decoder(FrequencyOracle oracle, UploadRound round);

  /**
   * One record to a report row ({@code ReportTable.SCHEMA}, then optionally a note such as
   * {@link UploadValidation#UNATTESTED}), a rejection row (file, line, reason, detail, line_base64), or null for no
   * upload at all.
   */
  interface Decoder {
    Row check(String file, byte[] record);
  }

  /** docs/protocol.md "Uploads": UTF-8 JSON, one object per line, blank lines ignored. */
  UploadFormat JSON_LINES = new JsonLines();
}
