package org.dpcurate.jobs.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.jobs.estimation.Rejection;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.InvalidReportException;

/**
 * One upload line to a report row or a rejection, on the executors: the line must be one JSON object that
 * {@link UploadRecord} decodes, made with the published eps and oracle, and valid for the published config; the
 * reason codes are estimate's ({@link Rejection}).
 */
final class UploadValidation {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final FrequencyOracle oracle;
  private final double epsilon;

  UploadValidation(FrequencyOracle oracle, double epsilon) {
    this.oracle = oracle;
    this.epsilon = epsilon;
  }

  /** The line's report row ({@link ReportTable#SCHEMA}), or its rejection row: file, line, reason, detail. */
  Row check(String file, String line) {
    UploadRecord.Upload upload;
    try {
      upload = UploadRecord.decode(json.readValue(line, OBJECT));
    } catch (JsonProcessingException e) {
      return rejected(file, line, Rejection.MALFORMED, "not one JSON object: " + e.getOriginalMessage());
    } catch (UploadRecord.MalformedUploadException e) {
      return rejected(file, line, Rejection.MALFORMED, e.getMessage());
    }
    if (upload.epsilon() != epsilon) {
      return rejected(file, line, Rejection.EPSILON_MISMATCH, "epsilon " + upload.epsilon() + " != published "
          + epsilon);
    }
    try {
      oracle.validate(upload.report());
    } catch (InvalidReportException e) {
      return rejected(file, line, Rejection.of(e.reason()), e.getMessage());
    }
    return ReportTable.toRow(upload.reportId(), upload.report(), epsilon);
  }

  private static Row rejected(String file, String line, Rejection reason, String detail) {
    return RowFactory.create(file, line, reason.name(), detail);
  }
}
