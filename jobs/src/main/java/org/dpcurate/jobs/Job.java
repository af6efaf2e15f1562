package org.dpcurate.jobs;

import java.util.List;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.Option;

/** A spark-submit entry point: options first, validated before any Spark work. */
public interface Job {
  String name();

  String summary();

  /** Every option the job reads, in the order {@code --help} lists them. */
  List<Option<?>> options();

  /** Runs with parsed options; throws {@code JobException} for known failures. */
  void run(Cli cli);
}
