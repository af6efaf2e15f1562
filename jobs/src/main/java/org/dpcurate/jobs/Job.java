package org.dpcurate.jobs;

/** A spark-submit entry point: options first, validated before any Spark work. */
public interface Job {
  String name();

  String summary();

  void define(Cli cli);

  /** Runs with parsed options; throws {@link JobException} for known failures. */
  void run(Cli cli);
}
