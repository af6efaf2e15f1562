package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.EstimationSettings;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.RefinementSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.pipeline.EstimateStep;
import org.dpcurate.jobs.pipeline.RefineStep;
import org.dpcurate.jobs.tables.CuratedTable;
import org.dpcurate.jobs.warehouse.Manifest;

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

  /**
   * The campaign's curated training table as of {@code ds} (the same {@link CuratedTable} as {@code curate}'s): the
   * date's estimated vote distribution over its pool. A backfill of an earlier date leaves a later date's table.
   */
  private static String writeCurated(CampaignRun run, LocalDate ds, EstimateStep.Estimated e,
      double nearDuplicate) {
    if (e.ranking().isEmpty()) {
      return "";
    }
    String path = run.warehouse().campaignDir(CuratedTable.NAME, run.campaign());
    Object asOf = run.warehouse().isCommitted(path) ? Manifest.read(run.warehouse(), path).get("ds") : null;
    if (asOf != null && LocalDate.parse(asOf.toString()).isAfter(ds)) {
      return "; curated table kept as of " + asOf;
    }
    int rows = CuratedTable.write(run.warehouse(), run.campaign(), ds, e.pool(), e.ranking(), run.embedder().name(),
        nearDuplicate);
    return "; curated table: " + rows + " rows";
  }

  @Override
  List<Option<?>> stepOptions() {
    return Stream.concat(CurationOptions.ESTIMATION.stream(), RefineJob.REFINEMENT.stream()).toList();
  }

  @Override
  Steps plan(Cli cli) {
    EstimationSettings estimation = CurationOptions.estimation(cli);
    RefinementSettings refinement = RefineJob.refinement(cli);
    return (run, dates) -> {
      EstimateStep estimate = new EstimateStep(run, estimation);
      RefineStep refine = new RefineStep(run, refinement);
      return ds -> {
        EstimateStep.Estimated e = estimate.run(ds);
        String curated = writeCurated(run, ds, e, estimation.curatedNearDuplicate());
        return e.summary() + curated + "; " + RefineStep.summary(refine.refine(ds, e.pool(), e.ranking(),
            List.of()));
      };
    };
  }
}
