package org.dpcurate.oracle;

/** A report that does not match the campaign's published oracle config; {@link #reason()} is a stable code. */
public final class InvalidReportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Stable reason codes, also used for quarantine tables. */
  public enum Reason {
    WRONG_ORACLE,
    VALUE_OUT_OF_RANGE,
    HASH_INDEX_OUT_OF_RANGE,
    BAD_SIGN,
    BAD_BITS
  }

  private final Reason reason;

  public InvalidReportException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
