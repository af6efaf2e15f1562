package org.dpcurate.jobs;

import org.apache.spark.sql.SparkSession;
import org.dpcurate.refinement.PoolRefiner;

/** The scheduled run: for each date in order, estimate it, then refine it into the next date's pool. */
public final class NightlyJob implements Job {
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
  public void define(Cli cli) {
    CampaignSettings.addOptions(cli);
    Dates.addOptions(cli);
  }

  @Override
  public void run(Cli cli) {
    CampaignSettings s = CampaignSettings.from(cli);
    var dates = Dates.from(cli);
    SparkSession spark = Sessions.getOrCreate("dpcurate-nightly");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    Backfill.run(name(), dates, ds -> {
      RoundSteps.Estimated e = RoundSteps.estimate(spark, w, s, ds);
      PoolRefiner.Result next = RoundSteps.refine(spark, w, s, ds, e.pool(), e.ranking(), java.util.List.of());
      return EstimateJob.outcome(e) + "; " + RefineJob.outcome(next);
    });
  }
}
