package org.dpcurate.jobs.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dpcurate.evaluation.RoundEvaluator;
import org.dpcurate.evaluation.RoundMetrics;
import org.dpcurate.evaluation.UtilityMetrics;
import org.dpcurate.jobs.evaluation.LabelledSet;
import org.dpcurate.jobs.evaluation.UtilityEvaluation;
import org.dpcurate.jobs.options.EstimationSettings;
import org.dpcurate.jobs.options.RefinementSettings;
import org.dpcurate.jobs.options.SimulationSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.pipeline.EstimateStep;
import org.dpcurate.jobs.pipeline.RefineStep;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.CuratedTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.CandidateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R simulated rounds of one campaign end to end, each scored against the known population: commit the initial pool
 * on the first date, then per date simulate the devices, estimate with the production step, evaluate and refine
 * with the production step.
 */
public final class CurationLoop {
  private static final Logger LOG = LoggerFactory.getLogger(CurationLoop.class);

  private final PrivatePopulation population;
  private final RoundEvaluator evaluator;
  private final List<Candidate> initial;
  private final LocalDate start;
  private final UtilityEvaluation utility;
  private final CandidateSource explorer;
  private final String source;

  /**
   * @param utility scores each round's curated set as training data
   * @param explorer where refinement's fresh candidates come from (null: the template generator)
   * @param source what the initial pool was drawn from, for its manifest
   */
  public CurationLoop(PrivatePopulation population, RoundEvaluator evaluator, List<Candidate> initial,
      LocalDate start, UtilityEvaluation utility, CandidateSource explorer, String source) {
    this.population = population;
    this.evaluator = evaluator;
    this.initial = initial;
    this.start = start;
    this.utility = utility;
    this.explorer = explorer;
    this.source = source;
  }

  /**
   * What one variant's loop produced: its metrics rows and its curated table's training set (the last round's, or
   * the last and the flat rounds before it pooled), built once for scoring and writing.
   */
  public record Result(List<MetricsTable.RoundRow> rows, CuratedTable.TrainingSet table) {}

  public Result run(String variant, CampaignRun run, SimulationSettings simulation, EstimationSettings estimation,
      RefinementSettings refinement, int rounds) {
    List<MetricsTable.RoundRow> rows = new ArrayList<>();
    long devices = simulation.population().devices();
    CandidateTable.write(run.warehouse(), run.campaign(), start, initial, run.embedder(),
        Manifest.ofRound(1).set("source", source + ", seed " + run.seed()));
    CurationDevices devicesOf = new CurationDevices(run, simulation, population,
        estimation.privacy().policy().samplingRateOf(run.campaign()));
    EstimateStep estimate = new EstimateStep(run, estimation);
    RefineStep refine = new RefineStep(run, refinement, explorer);
    EstimateStep.Estimated last = null;
    List<CuratedTable.Round> history = new ArrayList<>();
    CuratedTable.TrainingSet lastSet = null;
    for (int round = 1; round <= rounds; round++) {
      LocalDate ds = start.plusDays(round - 1L);
      LOG.info("{} round {}/{} ({}): {} devices", variant, round, rounds, ds, devices);
      long t0 = System.nanoTime();
      long[] truth = devicesOf.simulate(ds);
      double simulate = Timing.seconds(t0);
      last = estimate.run(ds);
      if (last.ranking().isEmpty()) {
        throw new JobException(ExitCode.FAILURE, variant + " " + ds + ": no valid reports in a simulation");
      }
      history.add(new CuratedTable.Round(ds, last.pool(), last.ranking()));
      RoundMetrics m = evaluator.round(round, last.pool(), last.ranking(), truth);
      LOG.info("{} round {}: {}", variant, round, m.row().trim());
      lastSet = CuratedTable.trainingSet(List.of(history.get(round - 1)), estimation.curatedNearDuplicate());
      UtilityMetrics u = utility.evaluate(labelled(variant + " round " + round, lastSet));
      long t2 = System.nanoTime();
      if (round < rounds) {
        refine.refine(ds, last.pool(), last.ranking(), List.of());
      }
      rows.add(new MetricsTable.RoundRow(variant, ds, m, last.published().oracle(), devices, simulate, last.seconds(),
          round < rounds ? Timing.seconds(t2) : 0, u, devicesOf.lastDownload(), attackOutcome(devicesOf.attackTarget(),
          last, devicesOf.lastFakeUploads()), simulation.maxAttackGain()));
    }
    LocalDate lastDs = start.plusDays(rounds - 1L);
    List<CuratedTable.Round> pooled = CuratedTable.pooledRounds(history, estimation.curatedFlatRounds());
    CuratedTable.TrainingSet table = lastSet;
    if (pooled.size() > 1) {
      // The curated table is not the last round's set alone: score what it holds.
      LOG.info("{}: the last {} rounds' votes were flat; the curated table pools their curated sets", variant,
          pooled.size());
      table = CuratedTable.trainingSet(pooled, estimation.curatedNearDuplicate());
      UtilityMetrics u = utility.evaluate(labelled(variant + " rounds " + (rounds - pooled.size() + 1) + "-"
          + rounds + " pooled", table));
      rows.add(new MetricsTable.RoundRow(variant + "-pooled", lastDs, RoundMetrics.notScored(rounds,
          u.trainingSize()), null, devices, 0, 0, 0, u, null, null, simulation.maxAttackGain()));
    }
    return new Result(rows, table);
  }

  /** Where the fake devices' target stood in {@code round} (null without fake devices). */
  private static MetricsTable.AttackOutcome attackOutcome(String target, EstimateStep.Estimated round,
      long[] fakeUploads) {
    if (target == null) {
      return null;
    }
    Long attested = fakeUploads == null ? null : fakeUploads[0];
    Long refused = fakeUploads == null ? null : fakeUploads[1];
    for (RankedCandidate r : round.ranking()) {
      if (round.pool().get(r.index()).id().equals(target)) {
        LOG.info("attack target {}: estimated share {}, {}", target, String.format("%.4f", r.share()),
            r.selected() ? "SELECTED" : "not selected");
        return new MetricsTable.AttackOutcome(target, r.share(), r.selected(), attested, refused);
      }
    }
    return new MetricsTable.AttackOutcome(target, 0, false, attested, refused);
  }

  /** A curated training set ({@link CuratedTable#trainingSet}) as labelled data to score. */
  private static LabelledSet labelled(String name, CuratedTable.TrainingSet set) {
    return LabelledSet.ofCandidates(name, set.candidates(), set.set().weights());
  }
}
