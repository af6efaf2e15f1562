package org.dpcurate.client;

import org.dpcurate.attestation.TokenVerifier;
import org.dpcurate.attestation.UploadToken;
import org.dpcurate.oracle.FrequencyOracle;

/**
 * The server's token check of one decoded upload against its round (docs/protocol.md "Upload tokens", the checks
 * in order): whether a token is there as the round requires, signed under the round's key for this round, and
 * whether the report is the one the token fixes (its id and its public randomness). Spent tokens are the caller's:
 * a token is accepted once per date across batches, which needs the date's other uploads. One instance per thread
 * (its verifier holds a JDK signature object).
 */
public final class UploadAttestation {
  /**
   * The outcome of a check: {@code ATTESTED}, {@code UNATTESTED} (accepted), or why the upload is refused, with
   * the reason code ingestion records (docs/operations.md).
   */
  public enum Outcome {
    /** A valid token that fixes this report. */
    ATTESTED(null),
    /** No token, in a round without tokens or whose tokens are optional. */
    UNATTESTED(null),
    /** No token where the round requires one. */
    MISSING_TOKEN("MISSING_TOKEN"),
    /** A token in a round that publishes no token key. */
    UNEXPECTED_TOKEN("WRONG_TOKEN_KEY"),
    /** A token under another key than the round's. */
    WRONG_KEY("WRONG_TOKEN_KEY"),
    /** A signature that does not verify under the round's key. */
    BAD_SIGNATURE("BAD_TOKEN"),
    /** A valid token issued for another round. */
    WRONG_ROUND("WRONG_ROUND"),
    /** A report id other than the token's. */
    WRONG_REPORT_ID("RANDOMNESS_MISMATCH"),
    /** A seed, hash index, row or coefficient other than the one the token fixes. */
    RANDOMNESS_MISMATCH("RANDOMNESS_MISMATCH");

    private final String reasonCode;

    Outcome(String reasonCode) {
      this.reasonCode = reasonCode;
    }

    public boolean accepted() {
      return reasonCode == null;
    }

    /** The reason code of a refused upload (null for an accepted one). */
    public String reasonCode() {
      return reasonCode;
    }
  }

  /** The reason code of a valid token already spent on the date with another payload. */
  public static final String DUPLICATE_TOKEN = "DUPLICATE_TOKEN";

  private final TokenVerifier verifier;
  private final boolean required;
  private final FrequencyOracle oracle;

  /**
   * @param verifier the round's key and config hash; null for a round without tokens
   * @param required whether an upload without a token is refused (ignored without a verifier)
   */
  public UploadAttestation(TokenVerifier verifier, boolean required, FrequencyOracle oracle) {
    this.verifier = verifier;
    this.required = verifier != null && required;
    this.oracle = oracle;
  }

  /** The round's verifier (null: the round has no tokens). */
  public TokenVerifier verifier() {
    return verifier;
  }

  public Outcome check(UploadRecord.Upload upload) {
    UploadToken token = upload.token();
    if (verifier == null) {
      return token == null ? Outcome.UNATTESTED : Outcome.UNEXPECTED_TOKEN;
    }
    if (token == null) {
      return required ? Outcome.MISSING_TOKEN : Outcome.UNATTESTED;
    }
    switch (verifier.check(upload.tokenKeyId(), token)) {
      case WRONG_KEY:
        return Outcome.WRONG_KEY;
      case BAD_SIGNATURE:
        return Outcome.BAD_SIGNATURE;
      case WRONG_ROUND:
        return Outcome.WRONG_ROUND;
      case VALID:
        break;
    }
    if (!upload.reportId().equals(token.reportId())) {
      return Outcome.WRONG_REPORT_ID;
    }
    return oracle.followsPublicRandomness(upload.report(), token.publicRandomness())
        ? Outcome.ATTESTED : Outcome.RANDOMNESS_MISMATCH;
  }
}
