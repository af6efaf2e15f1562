package org.dpcurate.jobs.runtime;

/** A failure with a known cause, reported as one clear message and an exit code. */
public class JobException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public JobException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public JobException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public static JobException usage(String message) {
    return new JobException(ExitCode.USAGE, message);
  }
}
