package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/** Estimates each date from its reports and commits the ranked, quarantine and ledger partitions. */
public final class EstimateJob extends DatedJob {
  public static void main(String[] args) {
    JobRunner.main(new EstimateJob(), args);
  }

  @Override
  public String name() {
    return "estimate";
  }

  @Override
  public String summary() {
    return "validate and aggregate a date's reports on the executors; commit the ranked table with error bars";
  }

  @Override
  Function<LocalDate, String> step(SparkSession spark, Warehouse w, CampaignSettings s, Cli cli,
      List<LocalDate> dates) {
    return ds -> {
      RoundSteps.Estimated e = RoundSteps.estimate(spark, w, s, ds);
      if (dates.size() == 1 && !e.ranking().isEmpty()) {
        System.out.print(Reporting.topTable(e.pool(), e.ranking(), 20));
      }
      return outcome(e);
    };
  }

  static String outcome(RoundSteps.Estimated e) {
    return String.format("%s: round %d, read %d, accepted %d, quarantined %d, selected %d of %d", e.outcome(),
        e.published().round(), e.input().read(), e.input().accepted(), e.input().quarantinedTotal(), e.selected(),
        e.pool().size());
  }
}
