package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.LinkedList;
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
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.CuratedTable;
import org.dpcurate.jobs.tables.RankedTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.selection.FlatVotes;
import org.dpcurate.selection.RankedCandidate;

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
   * date's estimated vote distribution over its pool, pooled with the dates before it while their votes were flat
   * too. A backfill of an earlier date leaves a later date's table.
   */
  private static String writeCurated(CampaignRun run, LocalDate ds, EstimateStep.Estimated e,
      EstimationSettings estimation) {
    if (e.ranking().isEmpty()) {
      return "";
    }
    String path = run.warehouse().campaignDir(CuratedTable.NAME, run.campaign());
    Object asOf = run.warehouse().isCommitted(path) ? Manifest.read(run.warehouse(), path).get("ds") : null;
    if (asOf != null && LocalDate.parse(asOf.toString()).isAfter(ds)) {
      return "; curated table kept as of " + asOf;
    }
    List<CuratedTable.Round> rounds = CuratedTable.pooledRounds(flatHistory(run, ds, e,
        estimation.curatedFlatRounds()), estimation.curatedFlatRounds());
    int rows = CuratedTable.write(run.warehouse(), run.campaign(), CuratedTable.trainingSet(rounds,
        estimation.curatedNearDuplicate()), run.embedder().name());
    return "; curated table: " + rows + " rows" + (rounds.size() > 1 ? " from the " + rounds.size()
        + " latest dates (flat votes)" : "");
  }

  /**
   * The date's round, after the rounds of the dates just before it, read back while their rankings are committed
   * and their votes flat, up to {@code maxRounds} in all; oldest first. A date whose votes are not flat needs none.
   */
  private static List<CuratedTable.Round> flatHistory(CampaignRun run, LocalDate ds, EstimateStep.Estimated e,
      int maxRounds) {
    LinkedList<CuratedTable.Round> history = new LinkedList<>();
    history.add(new CuratedTable.Round(ds, e.pool(), e.ranking()));
    if (!FlatVotes.flat(e.ranking())) {
      return history;
    }
    for (LocalDate d = ds.minusDays(1); history.size() < maxRounds
        && run.warehouse().isCommitted(run.warehouse().partition(RankedTable.NAME, run.campaign(), d));
        d = d.minusDays(1)) {
      List<RankedCandidate> ranking = RankedTable.read(run.warehouse(), run.campaign(), d);
      if (!FlatVotes.flat(ranking)) {
        break;
      }
      history.addFirst(new CuratedTable.Round(d, CandidateTable.read(run.warehouse(), run.campaign(), d, null),
          ranking));
    }
    return history;
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
        String curated = writeCurated(run, ds, e, estimation);
        return e.summary() + curated + "; " + RefineStep.summary(refine.refine(ds, e.pool(), e.ranking(),
            List.of()));
      };
    };
  }
}
