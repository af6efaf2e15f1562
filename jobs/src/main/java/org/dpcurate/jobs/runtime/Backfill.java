package org.dpcurate.jobs.runtime;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step for each date in order and prints each date's outcome. Later dates build on earlier ones, so the
 * first failure stops the run; the dates after it are reported as not run, and the exit code is the failure's.
 */
public final class Backfill {
  private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

  private Backfill() {}

  public static void run(String job, List<LocalDate> dates, Function<LocalDate, String> step) {
    for (int i = 0; i < dates.size(); i++) {
      LocalDate ds = dates.get(i);
      long start = System.nanoTime();
      try {
        String outcome = step.apply(ds);
        String line = String.format("%s %s %s (%s)", job, ds, outcome, Timing.since(start));
        System.out.println(line);
        LOG.info(line);
      } catch (JobException e) {
        System.out.printf("%s %s FAILED exit %d: %s%n", job, ds, e.exitCode().code, e.getMessage());
        for (LocalDate rest : dates.subList(i + 1, dates.size())) {
          System.out.printf("%s %s not run%n", job, rest);
        }
        throw new JobException(e.exitCode(), ds + ": " + e.getMessage(), e);
      }
    }
  }
}
