package org.dpcurate.jobs;

import java.util.List;
import java.util.stream.Stream;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.Parsers;
import org.dpcurate.jobs.options.RefinementSettings;
import org.dpcurate.jobs.pipeline.RefineStep;

/** Turns each date's ranking into the next date's candidate pool. */
public final class RefineJob extends DatedJob {
  static final Option<String> GENERATED = Option.optional("generated", "PATH", "Parquet of candidates an external "
      + "generator wrote back (text, parent_id, optional embedding) to add to the pool", "none", Parsers.text());

  /** The refinement options of refine and nightly. */
  static final List<Option<?>> REFINEMENT = Stream.<List<Option<?>>>of(
      List.of(CommonOptions.SEED, CommonOptions.EMBEDDER, CurationOptions.CANDIDATES),
      CurationOptions.VARIATION_OPTIONS, List.of(CurationOptions.PRIOR_POPULATION))
      .flatMap(List::stream).toList();

  public static void main(String[] args) {
    JobRunner.main(new RefineJob(), args);
  }

  @Override
  public String name() {
    return "refine";
  }

  @Override
  public String summary() {
    return "survivors + variations in proportion to the square root of share: the next date's candidate pool";
  }

  @Override
  List<Option<?>> stepOptions() {
    return Stream.concat(REFINEMENT.stream(), Stream.of(GENERATED)).toList();
  }

  /** The refinement settings of refine and nightly: the prior is read only from a file given by option. */
  static RefinementSettings refinement(Cli cli) {
    return CurationOptions.refinement(cli, CurationOptions.generatorPrior(cli));
  }

  @Override
  Steps plan(Cli cli) {
    RefinementSettings settings = refinement(cli);
    String generated = cli.get(GENERATED);
    return (run, dates) -> {
      RefineStep refine = new RefineStep(run, settings);
      return ds -> RefineStep.summary(refine.fromTables(ds, generated));
    };
  }
}
