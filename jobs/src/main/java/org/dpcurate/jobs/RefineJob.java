package org.dpcurate.jobs;

import org.apache.spark.sql.SparkSession;
import org.dpcurate.refinement.PoolRefiner;

/** Turns each date's ranking into the next date's candidate pool. */
public final class RefineJob implements Job {
  public static void main(String[] args) {
    JobRunner.main(new RefineJob(), args);
  }

  @Override
  public String name() {
    return "refine";
  }

  @Override
  public String summary() {
    return "survivors + variations in proportion to share: the next date's candidate pool";
  }

  @Override
  public void define(Cli cli) {
    CampaignSettings.addOptions(cli);
    Dates.addOptions(cli);
    cli.option("generated", "PATH", "Parquet of candidates an external generator wrote back (text, parent_id, "
        + "optional embedding) to add to the pool");
  }

  @Override
  public void run(Cli cli) {
    CampaignSettings s = CampaignSettings.from(cli);
    var dates = Dates.from(cli);
    SparkSession spark = Sessions.getOrCreate("dpcurate-refine");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    Backfill.run(name(), dates, ds -> {
      PoolRefiner.Result next = RoundSteps.refineFromTables(spark, w, s, ds, cli.string("generated"));
      return outcome(next);
    });
  }

  static String outcome(PoolRefiner.Result next) {
    return String.format("ok: next pool %d = %d survivors + %d variations + %d explored", next.pool().size(),
        next.survivors(), next.variations(), next.explored());
  }
}
