package org.dpcurate.jobs;

import java.util.List;
import java.util.stream.Stream;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.EstimationSettings;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.RefinementSettings;
import org.dpcurate.jobs.pipeline.EstimateStep;
import org.dpcurate.jobs.pipeline.RefineStep;

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
        return e.summary() + "; " + RefineStep.summary(refine.refine(ds, e.pool(), e.ranking(), List.of()));
      };
    };
  }
}
