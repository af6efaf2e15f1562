package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dpcurate.download.DownloadPlan;
import org.dpcurate.evaluation.RoundEvaluator;
import org.dpcurate.evaluation.RoundMetrics;
import org.dpcurate.evaluation.UtilityMetrics;
import org.dpcurate.jobs.evaluation.LabelledMessagesTable;
import org.dpcurate.jobs.evaluation.LabelledSet;
import org.dpcurate.jobs.evaluation.PrivateMessages;
import org.dpcurate.jobs.evaluation.UtilityEvaluation;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.EstimationSettings;
import org.dpcurate.jobs.options.OpenWorldSettings;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.Parsers;
import org.dpcurate.jobs.options.RefinementSettings;
import org.dpcurate.jobs.options.RunSettings;
import org.dpcurate.jobs.options.SimulationSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.runtime.Sessions;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.simulation.CurateReport;
import org.dpcurate.jobs.simulation.CurationDevices;
import org.dpcurate.jobs.simulation.CurationLoop;
import org.dpcurate.jobs.simulation.InitialPool;
import org.dpcurate.jobs.simulation.MetricsTable;
import org.dpcurate.jobs.simulation.PrivateData;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.CuratedTable;
import org.dpcurate.simulation.PopulationConfig;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.PublicPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R simulated rounds end to end: initial pool, then per round simulate, estimate, rank, evaluate and refine; finally
 * the curated training table, the per-round metrics and a JSON summary. Optionally also the single-round baseline
 * (the same total number of reports spent on the initial pool) and the non-private reference (eps = infinity).
 */
@SimulationJob
public final class CurateJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(CurateJob.class);
  private static final int TOP_K = 20;

  static final Option<LocalDate> START = Option.of("start", "YYYY-MM-DD",
      "date of round 1; round r runs on start + r - 1", LocalDate.of(2026, 1, 1), Parsers.date());
  static final Option<Integer> ROUNDS = Option.of("rounds", "R", "rounds to run, >= 1", 5, Parsers.intIn(1, 1000));
  static final Option<Boolean> BASELINE = Option.flag("baseline",
      "also run the single-round baseline: rounds x devices reports on the initial pool");
  static final Option<Boolean> NOISE_FREE = Option.flag("noise-free-reference",
      "also run the same rounds with eps = infinity (exact votes) for comparison");
  static final Option<Boolean> SKIP_CLASSIFIER = Option.flag("skip-classifier",
      "score each set by its embedding distances only (FID, k-NN precision and recall): no downstream classifier "
          + "is trained, so accuracy, macro-F1 and gap closed are NaN; nothing else changes");

  public static void main(String[] args) {
    JobRunner.main(new CurateJob(), args);
  }

  @Override
  public String name() {
    return "curate";
  }

  @Override
  public String summary() {
    return "run R curation rounds end to end and write the curated training table";
  }

  @Override
  public List<Option<?>> options() {
    List<Option<?>> all = new ArrayList<>(List.of(CommonOptions.WAREHOUSE, CurationOptions.CAMPAIGN,
        CommonOptions.SEED, CommonOptions.EMBEDDER, CurationOptions.SIMULATED_POPULATION, CurationOptions.CANDIDATES));
    all.addAll(CurationOptions.SIMULATION);
    all.addAll(CurationOptions.OPEN_WORLD);
    all.addAll(CurationOptions.ESTIMATION);
    all.addAll(CurationOptions.VARIATION_OPTIONS);
    all.addAll(List.of(START, ROUNDS, BASELINE, NOISE_FREE, SKIP_CLASSIFIER));
    return all;
  }

  @Override
  public void run(Cli cli) {
    RunSettings settings = RunSettings.from(cli, CurationOptions.CAMPAIGN);
    PopulationConfig world = CurationOptions.simulatedPopulation(cli);
    SimulationSettings simulation = CurationOptions.simulation(cli, world);
    // Each simulated population is a fleet of its own: a variant's devices are not the curated run's.
    EstimationSettings estimation = CurationOptions.estimation(cli);
    estimation = estimation.withPrivacy(estimation.privacy().forFleet(settings.campaign()));
    RefinementSettings refinement = CurationOptions.refinement(cli, world.generatorPrior());
    OpenWorldSettings open = CurationOptions.openWorld(cli);
    LocalDate start = cli.get(START);
    int rounds = cli.get(ROUNDS);
    CampaignRun run = new CampaignRun(Sessions.getOrCreate("dpcurate-curate"), settings);
    if (simulation.downloadBudget() != null) {
      // Refused before anything is written: the budget must hold two candidates of the embedder's dimension.
      Cli.validated(CurationOptions.DOWNLOAD_BUDGET, () -> DownloadPlan.forBudget(refinement.candidates(),
          run.embedder().dimension(), simulation.downloadBudget()));
    }
    long t = System.nanoTime();
    // The devices' messages: the generated population (the demo), or real text with a held-out split.
    PrivateMessages.Split messages = open.privateMessages() == null ? null : PrivateMessages.read(run.warehouse(),
        open.privateMessages(), open.heldOutShare(), run.random("held-out", 0).nextLong());
    PrivatePopulation population = messages == null ? CurationDevices.population(run, simulation)
        : PrivateData.population(messages.devices(), messages.labelled(), run.embedder());
    PrivatePopulation heldOutMessages = messages == null ? PrivateData.heldOut(run, simulation)
        : PrivateData.population(messages.heldOut(), messages.labelled(), run.embedder());
    RoundEvaluator evaluator = new RoundEvaluator(population, TOP_K);
    // Label-conditional curation: one pool per label of the real messages (the demo's population has none).
    List<String> labels = messages == null || open.ignoreLabels() || !messages.labelled() ? List.of()
        : population.labels();
    PublicPool publicPool = open.initialPool() == null ? null : InitialPool.publicPool(run, open.initialPool());
    List<Candidate> initial = CandidateTable.published(InitialPool.draw(run, run.generator(world.generatorPrior()),
        publicPool, refinement.candidates(), labels));
    LOG.info("initial pool: {} candidates from {}{}", initial.size(), publicPool == null ? "the template generator"
        : open.initialPool(), labels.isEmpty() ? "" : ", " + labels.size() + " label pools " + labels);
    LabelledSet heldOut = PrivateData.labelled("held-out", heldOutMessages);
    LabelledSet privateData = PrivateData.labelled("private data", population);
    LabelledMessagesTable.write(run.warehouse(), run.campaign(), heldOut, privateData, run.embedder().name());
    UtilityEvaluation utility = new UtilityEvaluation(run.warehouse().spark(), heldOut, run.seed(),
        !cli.get(SKIP_CLASSIFIER));
    UtilityMetrics initialUtility = utility.evaluate(LabelledSet.ofCandidates("initial pool", initial, null));
    UtilityMetrics upperBound = utility.evaluate(privateData);
    // The generator's ceiling exists only where the generator wrote the private messages' slots.
    UtilityMetrics ceiling = population.generated()
        ? utility.evaluate(PrivateData.generatorCeiling(population, run.embedder())) : null;
    CurationLoop loop = new CurationLoop(population, evaluator, initial, start, utility, publicPool,
        publicPool == null ? "generator prior" : "public pool " + open.initialPool());
    List<MetricsTable.RoundRow> rows = new ArrayList<>();
    rows.add(MetricsTable.RoundRow.notARound("curated", evaluator.initialPool(initial), initialUtility));

    CurationLoop.Result curated = loop.run("curated", run, simulation, estimation, refinement, rounds);
    rows.addAll(curated.rows());
    int kept = CuratedTable.write(run.warehouse(), run.campaign(), curated.table(), run.embedder().name());
    LOG.info("curated training table: {} candidates from {} round(s)", kept, curated.table().rounds());

    long devices = simulation.population().devices();
    if (cli.get(BASELINE)) {
      String baseline = run.campaign() + "-baseline";
      rows.addAll(loop.run("baseline", run.forCampaign(baseline), simulation.with(simulation.epsilon(),
          devices * rounds), estimation.withPrivacy(estimation.privacy().forFleet(baseline)), refinement, 1).rows());
    }
    if (cli.get(NOISE_FREE) && !Double.isInfinite(simulation.epsilon())) {
      String reference = run.campaign() + "-noise-free";
      rows.addAll(loop.run("noise-free", run.forCampaign(reference), simulation.with(Double.POSITIVE_INFINITY,
          devices), estimation.withPrivacy(estimation.privacy().unlimited().forFleet(reference)), refinement, rounds)
          .rows());
    }
    if (ceiling != null) {
      rows.add(MetricsTable.RoundRow.notARound("generator-ceiling", RoundMetrics.notScored(ceiling.trainingSize()),
          ceiling));
    }
    rows.add(MetricsTable.RoundRow.notARound("private-data", RoundMetrics.notScored(population.size()), upperBound));
    rows.replaceAll(r -> r.withUtility(r.utility().withGapClosed(initialUtility, upperBound)));
    run.flushEmbeddings();
    MetricsTable.write(run.warehouse(), run.campaign(), rows);
    System.out.print(CurateReport.table(rows));
    String summaryPath = run.warehouse().root() + "/summaries/" + run.campaign() + ".json";
    run.warehouse().writeText(summaryPath, CurateReport.summaryJson(run.campaign(), rounds, devices,
        refinement.candidates(), simulation.epsilon(), run.seed(), Timing.seconds(t), rows));
    System.out.println("outputs under " + run.warehouse().root() + "; summary " + summaryPath);
  }
}
