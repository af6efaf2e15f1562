package org.dpcurate.jobs.runtime;

/** Process exit codes of every job (README "Jobs"). */
public enum ExitCode {
  SUCCESS(0),
  /** Unexpected failure; the log has the stack trace. */
  FAILURE(1),
  /** Bad command line or config: nothing was read or written. */
  USAGE(2),
  /** An input partition or file is missing, unreadable, unexpected or does not match its published config. */
  MISSING_INPUT(3),
  /** Too many reports failed validation; no ranked output was written. */
  VALIDATION_FAILED(4),
  /** The round would exceed the campaign's per-device privacy budget; nothing of it was written. */
  BUDGET_EXCEEDED(5),
  /** An output could not be written (the message names the path); inputs are fine. */
  WRITE_FAILED(6),
  /** Another run holds the fleet's ledger lock (the message names it); nothing of the round was accounted. */
  LOCKED(7);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
