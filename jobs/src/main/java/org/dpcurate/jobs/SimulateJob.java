package org.dpcurate.jobs;

import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.simulation.PrivatePopulation;

/** Publishes each date's oracle config and simulates its devices' reports (plus the separate truth table). */
public final class SimulateJob implements Job {
  public static void main(String[] args) {
    JobRunner.main(new SimulateJob(), args);
  }

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public String summary() {
    return "simulate devices voting on a date's candidates: reports (and truth) in Parquet";
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
    SparkSession spark = Sessions.getOrCreate("dpcurate-simulate");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    PrivatePopulation population = s.privatePopulation();
    Backfill.run(name(), dates, ds -> {
      long[] truth = RoundSteps.simulate(spark, w, s, ds, population);
      return "ok: " + Arrays.stream(truth).sum() + " devices reported";
    });
  }
}
