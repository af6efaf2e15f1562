package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * A job that processes dates: {@code --ds D} or a {@code --from/--to} backfill, in order, one outcome line per
 * date ({@link Backfill}). Subclasses say what one date's step is.
 */
abstract class DatedJob implements Job {
  @Override
  public void define(Cli cli) {
    CampaignSettings.addOptions(cli);
    Dates.addOptions(cli);
  }

  @Override
  public final void run(Cli cli) {
    CampaignSettings settings = CampaignSettings.from(cli);
    List<LocalDate> dates = Dates.from(cli);
    SparkSession spark = Sessions.getOrCreate("dpcurate-" + name());
    Warehouse warehouse = new Warehouse(settings.warehouse(), spark);
    Backfill.run(name(), dates, step(spark, warehouse, settings, cli, dates));
  }

  /** One date's work, returning its outcome line; called once per run, before the first date. */
  abstract Function<LocalDate, String> step(SparkSession spark, Warehouse w, CampaignSettings s, Cli cli,
      List<LocalDate> dates);
}
