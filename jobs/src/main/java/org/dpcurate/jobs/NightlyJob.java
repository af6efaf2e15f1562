package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/** The scheduled run: for each date in order, estimate it, then refine it into the next date's pool. */
public final class NightlyJob extends DatedJob {
  public static void main(String[] args) {
    JobRunner.main(new NightlyJob(), args);
  }

  @Override
  public String name() {
    return "nightly";
  }

  @Override
  public String summary() {
    return "estimate each date and refine it into the next date's pool (scheduler and backfill entry point)";
  }

  @Override
  Function<LocalDate, String> step(SparkSession spark, Warehouse w, CampaignSettings s, Cli cli,
      List<LocalDate> dates) {
    return ds -> {
      RoundSteps.Estimated e = RoundSteps.estimate(spark, w, s, ds);
      return EstimateJob.outcome(e) + "; "
          + RefineJob.outcome(RoundSteps.refine(spark, w, s, ds, e.pool(), e.ranking(), List.of()));
    };
  }
}
