package org.dpcurate.jobs.estimation;

import org.dpcurate.oracle.InvalidReportException;

/** Why a report row was quarantined: every reason code of docs/operations.md, stable across versions. */
public enum Rejection {
  /** Not a report at all: a null report_id, an unknown or null oracle, a null column the oracle uses. */
  MALFORMED,
  /** Reported with another eps than the date's published config. */
  EPSILON_MISMATCH,
  /** Made by another oracle than the published one. */
  WRONG_ORACLE,
  /** A value outside the oracle's range (candidate index, hashed bucket, coefficient). */
  VALUE_OUT_OF_RANGE,
  /** A hash index outside the published seed pool or sketch rows. */
  HASH_INDEX_OUT_OF_RANGE,
  /** An HCMS sign other than +1 or -1. */
  BAD_SIGN,
  /** A bit map of the wrong length or with padding bits set. */
  BAD_BITS,
  /** Another report with the same report_id counted instead. */
  DUPLICATE_REPORT_ID,
  /** An upload naming another round's config (config_sha256), or none where the round requires it. */
  WRONG_ROUND,
  /** (attested rounds) An upload without a token where the round's tokens are required. */
  MISSING_TOKEN,
  /** (attested rounds) A token whose signature does not verify under the round's issuer key. */
  BAD_TOKEN,
  /** A token naming another issuer key than the round's (or any key, for a round without tokens). */
  WRONG_TOKEN_KEY,
  /** (attested rounds) A token already spent on this date, by another upload with another payload. */
  DUPLICATE_TOKEN,
  /**
   * (attested rounds) A report whose id, or public randomness (OLH seed, FLH hash index, CMS/HCMS row), is not the
   * one its token fixes.
   */
  RANDOMNESS_MISMATCH;

  /** The code of an oracle's own validation failure. */
  public static Rejection of(InvalidReportException.Reason reason) {
    return switch (reason) {
      case WRONG_ORACLE -> WRONG_ORACLE;
      case VALUE_OUT_OF_RANGE -> VALUE_OUT_OF_RANGE;
      case HASH_INDEX_OUT_OF_RANGE -> HASH_INDEX_OUT_OF_RANGE;
      case BAD_SIGN -> BAD_SIGN;
      case BAD_BITS -> BAD_BITS;
    };
  }
}
