package org.dpcurate.jobs.ingestion;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.dpcurate.attestation.TokenKey;
import org.dpcurate.attestation.TokenVerifier;
import org.dpcurate.attestation.UploadToken;
import org.dpcurate.client.UploadAttestation;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.jobs.estimation.Rejection;
import org.dpcurate.jobs.estimation.ReportValidator;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.JsonObjectLine;
import org.dpcurate.oracle.FrequencyOracle;

/**
 * One upload line to a report row or a rejection, on the executors: the line must be one JSON object that
 * {@link UploadRecord} decodes, made for this round (its {@code config_sha256}), attested as the round requires
 * (a token the round's issuer signed for this round, whose hash is the report's id and fixes its public
 * randomness), with the published eps and oracle, and valid for the published config; the reason codes are
 * estimate's ({@link Rejection}).
 */
final class UploadValidation {
  private final JsonObjectLine json = new JsonObjectLine();
  /** The note on an accepted report without a token, in a round whose tokens are optional. */
  static final String UNATTESTED = "unattested";

  private final FrequencyOracle oracle;
  private final ReportValidator validator;
  private final UploadRound round;
  private final UploadAttestation attestation;

  UploadValidation(FrequencyOracle oracle, UploadRound round) {
    this.oracle = oracle;
    this.validator = new ReportValidator(oracle, round.epsilon());
    this.round = round;
    this.attestation = new UploadAttestation(round.attested()
        ? new TokenVerifier(TokenKey.fromBase64(round.tokenKeySpki()), round.configSha256()) : null,
        round.tokensRequired(), oracle);
  }

  /**
   * The line's report row ({@link ReportTable#SCHEMA}), or its rejection row: file, line, reason, detail, and no
   * base64 (the line is valid UTF-8 and exact).
   */
  Row check(String file, String line) {
    return check(file, () -> line, () -> json.parse(line));
  }

  /**
   * {@link #check(String, String)} of a line of printable ASCII bytes (so exact UTF-8, in which JSON names no
   * other encoding), parsed from the bytes: its text is made only for a rejection, since nearly every line is
   * accepted and an attested one is about 800 bytes.
   */
  Row checkAscii(String file, byte[] line) {
    return check(file, () -> new String(line, StandardCharsets.US_ASCII), () -> json.parse(line));
  }

  /** How a line is parsed: from its text or from its bytes. */
  private interface JsonObject {
    Map<String, Object> parse() throws JsonObjectLine.NotAnObjectException;
  }

  private Row check(String file, Supplier<String> line, JsonObject object) {
    UploadRecord.Upload upload;
    try {
      upload = UploadRecord.decode(object.parse());
    } catch (JsonObjectLine.NotAnObjectException | UploadRecord.MalformedUploadException e) {
      return rejected(file, line.get(), Rejection.MALFORMED, e.getMessage());
    }
    return check(file, upload, line);
  }

  private Row check(String file, UploadRecord.Upload upload, Supplier<String> line) {
    String configSha256 = round.configSha256();
    if (upload.configSha256() == null ? round.namesRequired() : !upload.configSha256().equals(configSha256)) {
      return rejected(file, line.get(), Rejection.WRONG_ROUND, upload.configSha256() == null
          ? "config_sha256 is missing: this round's uploads must name its config (SHA-256 " + configSha256 + ")"
          : "made for the round whose config is " + upload.configSha256() + ", not this date's " + configSha256);
    }
    Row tokenRejected = checkToken(file, line, upload);
    if (tokenRejected != null) {
      return tokenRejected;
    }
    ReportValidator.Rejected rejected = validator.check(upload.epsilon(), upload.report());
    if (rejected != null) {
      return rejected(file, line.get(), rejected.reason(), rejected.detail());
    }
    Row report = ReportTable.toRow(upload.reportId(), upload.report(), round.epsilon());
    if (attestation.verifier() != null && upload.token() == null) {
      Object[] noted = new Object[report.size() + 1];
      for (int i = 0; i < report.size(); i++) {
        noted[i] = report.get(i);
      }
      noted[report.size()] = UNATTESTED;
      return RowFactory.create(noted);
    }
    return report;
  }

  /** The token's rejection, or null: a valid token that fixes this report, or no token where none is required. */
  private Row checkToken(String file, Supplier<String> line, UploadRecord.Upload upload) {
    UploadToken token = upload.token();
    UploadAttestation.Outcome outcome = attestation.check(upload);
    if (outcome.accepted()) {
      return null;
    }
    String detail = switch (outcome) {
      case UNEXPECTED_TOKEN -> "this round publishes no token key, but the upload carries a token under "
          + upload.tokenKeyId();
      case MISSING_TOKEN -> "this round's uploads must carry a token under key " + tokenKeyId();
      case WRONG_KEY -> "signed under key " + upload.tokenKeyId() + ", not this round's " + tokenKeyId();
      case BAD_SIGNATURE -> "the token's signature does not verify under key " + tokenKeyId();
      case WRONG_ROUND -> "the token was issued for the round whose config is " + token.configSha256()
          + ", not this date's " + round.configSha256();
      case WRONG_REPORT_ID -> "report_id must be the token's, " + token.reportId() + ", got " + upload.reportId();
      case RANDOMNESS_MISMATCH -> "the report's " + oracle.kind() + " public randomness (seed, hash index, row or "
          + "coefficient) is not the one its token fixes";
      case ATTESTED, UNATTESTED -> throw new AssertionError(outcome);
    };
    return rejected(file, line.get(), Rejection.valueOf(outcome.reasonCode()), detail);
  }

  private String tokenKeyId() {
    return attestation.verifier().key().id();
  }

  private static Row rejected(String file, String line, Rejection reason, String detail) {
    return RowFactory.create(file, line, reason.name(), detail, null);
  }
}
