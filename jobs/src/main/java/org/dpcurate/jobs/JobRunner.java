package org.dpcurate.jobs;

import org.apache.spark.sql.SparkSession;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a job and maps its outcome to an exit code, with one clear message for known failures. */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private JobRunner() {}

  public static ExitCode run(Job job, String[] args) {
    Cli cli = new Cli(job.name(), job.summary(), job.options());
    long start = System.nanoTime();
    try {
      if (!cli.parse(args)) {
        return ExitCode.SUCCESS;
      }
      job.run(cli);
      LOG.info("{} finished in {}", job.name(), Timing.since(start));
      return ExitCode.SUCCESS;
    } catch (JobException e) {
      System.err.println("dpcurate " + job.name() + ": " + e.getMessage());
      if (e.exitCode() == ExitCode.WRITE_FAILED || e.exitCode() == ExitCode.FAILURE) {
        LOG.error("{} failed ({}) after {}: {}", job.name(), e.exitCode(), Timing.since(start), e.getMessage(), e);
      } else if (e.exitCode() != ExitCode.USAGE) {
        LOG.error("{} failed ({}) after {}: {}", job.name(), e.exitCode(), Timing.since(start), e.getMessage());
      }
      return e.exitCode();
    } catch (Exception e) {
      LOG.error("{} failed after {}", job.name(), Timing.since(start), e);
      System.err.println("dpcurate " + job.name() + ": unexpected failure: " + e);
      return ExitCode.FAILURE;
    }
  }

  /** For spark-submit mains: run, stop Spark, exit with the code. */
  public static void main(Job job, String[] args) {
    ExitCode code = run(job, args);
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    System.exit(code.code);
  }
}
