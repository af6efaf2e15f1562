package org.dpcurate.jobs.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.jobs.estimation.Rejection;
import org.dpcurate.jobs.estimation.ReportValidator;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.oracle.FrequencyOracle;

/**
 * One upload line to a report row or a rejection, on the executors: the line must be one JSON object that
 * {@link UploadRecord} decodes, made for this round (its {@code config_sha256}), with the published eps and oracle,
 * and valid for the published config; the reason codes are estimate's ({@link Rejection}).
 */
final class UploadValidation {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  /** One object a line; a key given twice is malformed (which value would win is not part of the format). */
  private final ObjectMapper json = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private final ReportValidator validator;
  private final double epsilon;
  private final String configSha256;
  private final boolean namesRequired;

  UploadValidation(FrequencyOracle oracle, double epsilon, String configSha256, boolean namesRequired) {
    this.validator = new ReportValidator(oracle, epsilon);
    this.epsilon = epsilon;
    this.configSha256 = configSha256;
    this.namesRequired = namesRequired;
  }

  /**
   * The line's report row ({@link ReportTable#SCHEMA}), or its rejection row: file, line, reason, detail, and no
   * base64 (the line is valid UTF-8 and exact).
   */
  Row check(String file, String line) {
    UploadRecord.Upload upload;
    try {
      upload = UploadRecord.decode(json.readValue(line, OBJECT));
    } catch (JsonProcessingException e) {
      return rejected(file, line, Rejection.MALFORMED, "not one JSON object: " + e.getOriginalMessage());
    } catch (UploadRecord.MalformedUploadException e) {
      return rejected(file, line, Rejection.MALFORMED, e.getMessage());
    }
    if (upload.configSha256() == null ? namesRequired : !upload.configSha256().equals(configSha256)) {
      return rejected(file, line, Rejection.WRONG_ROUND, upload.configSha256() == null
          ? "config_sha256 is missing: this round's uploads must name its config (SHA-256 " + configSha256 + ")"
          : "made for the round whose config is " + upload.configSha256() + ", not this date's " + configSha256);
    }
    ReportValidator.Rejected rejected = validator.check(upload.epsilon(), upload.report());
    return rejected != null ? rejected(file, line, rejected.reason(), rejected.detail())
        : ReportTable.toRow(upload.reportId(), upload.report(), epsilon);
  }

  private static Row rejected(String file, String line, Rejection reason, String detail) {
    return RowFactory.create(file, line, reason.name(), detail, null);
  }
}
