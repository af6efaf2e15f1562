package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.refinement.PoolRefiner;

/** Turns each date's ranking into the next date's candidate pool. */
public final class RefineJob extends DatedJob {
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
    super.define(cli);
    cli.option("generated", "PATH", "Parquet of candidates an external generator wrote back (text, parent_id, "
        + "optional embedding) to add to the pool");
  }

  @Override
  Function<LocalDate, String> step(SparkSession spark, Warehouse w, CampaignSettings s, Cli cli,
      List<LocalDate> dates) {
    return ds -> outcome(RoundSteps.refineFromTables(spark, w, s, ds, cli.string("generated")));
  }

  static String outcome(PoolRefiner.Result next) {
    return String.format("ok: next pool %d = %d survivors + %d variations + %d explored", next.pool().size(),
        next.survivors(), next.variations(), next.explored());
  }
}
