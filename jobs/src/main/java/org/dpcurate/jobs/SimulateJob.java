package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.simulation.PrivatePopulation;

/** Publishes each date's oracle config and simulates its devices' reports (plus the separate truth table). */
public final class SimulateJob extends DatedJob {
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
  Function<LocalDate, String> step(SparkSession spark, Warehouse w, CampaignSettings s, Cli cli,
      List<LocalDate> dates) {
    PrivatePopulation population = s.privatePopulation();
    return ds -> "ok: " + Arrays.stream(RoundSteps.simulate(spark, w, s, ds, population)).sum()
        + " devices reported";
  }
}
