package org.dpcurate.jobs.pipeline;

import java.time.LocalDate;
import java.util.List;
import org.dpcurate.jobs.options.RefinementSettings;
import org.dpcurate.jobs.options.Variation;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.CandidateImport;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.RankedTable;
import org.dpcurate.jobs.tables.RequestTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.refinement.EmbeddingPerturbation;
import org.dpcurate.refinement.LexicalVariation;
import org.dpcurate.refinement.LlmVariation;
import org.dpcurate.refinement.PoolRefiner;
import org.dpcurate.refinement.RefinementConfig;
import org.dpcurate.refinement.SlotMutation;
import org.dpcurate.refinement.VariationStrategy;
import org.dpcurate.selection.FlatVotes;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.CandidateGenerator;
import org.dpcurate.synthesis.CandidateSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refining one date: its ranking becomes the next date's pool (lib's {@link PoolRefiner}: survivors plus variations
 * in proportion to the square root of their share), with the configured variation strategy; with
 * {@code --variation external} the unfilled variations are written as generation requests for the next date.
 */
public final class RefineStep {
  private static final Logger LOG = LoggerFactory.getLogger(RefineStep.class);

  /** Embedding step at strength 1. */
  public static final double EMBEDDING_SIGMA = 0.5;
  /** The smallest cosine between a lexical variation and its parent: farther ones changed the meaning. */
  public static final double LEXICAL_RADIUS = 0.6;

  private final CampaignRun run;
  private final RefinementSettings settings;
  private final CandidateGenerator generator;
  private final CandidateSource explorer;
  private final RefinementConfig config;

  /** Refinement exploring with the template generator of {@code settings.prior()}. */
  public RefineStep(CampaignRun run, RefinementSettings settings) {
    this(run, settings, null);
  }

  /** Refinement exploring with {@code explorer} (null: the template generator). */
  public RefineStep(CampaignRun run, RefinementSettings settings, CandidateSource explorer) {
    this.run = run;
    this.settings = settings;
    this.generator = run.generator(settings.prior());
    this.explorer = explorer == null ? generator : explorer;
    this.config = settings.config();
  }

  /** Refines date {@code ds}'s ranking into the candidates of {@code ds + 1}, read from the warehouse. */
  public PoolRefiner.Result fromTables(LocalDate ds, String generatedPath) {
    Warehouse w = run.warehouse();
    List<Candidate> pool = CandidateTable.read(w, run.campaign(), ds, run.embedder());
    List<RankedCandidate> ranking = RankedTable.read(w, run.campaign(), ds);
    if (!ranking.isEmpty() && ranking.size() != pool.size()) {
      throw new JobException(ExitCode.MISSING_INPUT, "ranked " + ds + " has " + ranking.size()
          + " rows but the date has " + pool.size() + " candidates");
    }
    List<Candidate> generated = generatedPath == null ? List.of()
        : CandidateImport.generated(w, generatedPath, pool, pool.get(0).round() + 1, run.embedder());
    return refine(ds, pool, ranking, generated);
  }

  /** Refines date {@code ds}'s ranking of {@code pool} (with external {@code generated} candidates) into ds + 1. */
  public PoolRefiner.Result refine(LocalDate ds, List<Candidate> pool, List<RankedCandidate> ranking,
      List<Candidate> generated) {
    long start = System.nanoTime();
    int round = pool.get(0).round();
    int nextRound = round + 1;
    PoolRefiner.Result next = new PoolRefiner(config, strategy(), explorer).refine(pool, ranking, nextRound,
        generated, run.random("refine", nextRound));
    double explorationShare = config.explorationShare(ranking);
    if (!ranking.isEmpty()) {
      LOG.info("round {} pool: {} survivors ({} selected, {} runners-up), {} variations ({} near-duplicates, {} out "
              + "of radius dropped), {} generated, {} explored, strength {} in {}", nextRound, next.survivors(),
          next.selectedSurvivors(), next.runnersUp(), next.variations(), next.duplicatesDropped(), next.strayed(),
          generated.size(), next.explored(),
          String.format("%.2f", config.strength(nextRound)), Timing.since(start));
      if (FlatVotes.flat(ranking)) {
        LOG.info("round {} pool: flat votes (the selection holds {} of the votes): {} of the pool drawn fresh",
            nextRound, String.format("%.1f%%", 100 * FlatVotes.selectedShare(ranking)),
            String.format("%.0f%%", 100 * explorationShare));
      }
      if (settings.variation() == Variation.EXTERNAL && !next.unfilled().isEmpty()) {
        LocalDate nextDs = ds.plusDays(1);
        int parents = RequestTable.write(run.warehouse(), run.campaign(), nextDs, nextRound, pool, next.unfilled(),
            config.strength(nextRound));
        LOG.info("wrote {} generation requests for {} to {}", parents, nextDs,
            run.warehouse().partition(RequestTable.NAME, run.campaign(), nextDs));
      }
    }
    Warehouse w = run.warehouse();
    Manifest m = Manifest.ofRound(nextRound)
        .input(w.partition(RankedTable.NAME, run.campaign(), ds))
        .input(w.partition(CandidateTable.NAME, run.campaign(), ds))
        .set("variation", settings.variation().optionValue())
        .set("strength", config.strength(nextRound)).set("exploration_share", explorationShare)
        .count("survivors", next.survivors()).count("variations", next.variations())
        .count("explored", next.explored()).count("generated", generated.size())
        .timing("refine", Timing.seconds(start));
    CandidateTable.write(w, run.campaign(), ds.plusDays(1), next.pool(), run.embedder(), m);
    run.flushEmbeddings();
    return next;
  }

  private VariationStrategy strategy() {
    EmbeddingPerturbation embedding = new EmbeddingPerturbation(EMBEDDING_SIGMA);
    return switch (settings.variation()) {
      case EMBEDDING -> embedding;
      case LEXICAL -> new LexicalVariation(LEXICAL_RADIUS);
      case LLM -> new LlmVariation(java.nio.file.Path.of(settings.llmModel()), settings.llmMaxTokens(),
          settings.llmTimeoutMillis(), LEXICAL_RADIUS);
      case EXTERNAL -> (parent, round, strength, rng) -> null;
      case SLOT -> {
        SlotMutation slots = new SlotMutation(generator);
        // Structured candidates mutate slots; external ones (no slots) move in embedding space.
        yield (parent, round, strength, rng) -> parent.spec() != null
            ? slots.vary(parent, round, strength, rng)
            : embedding.vary(parent, round, strength, rng);
      }
    };
  }

  /** The console line of a refined date. */
  public static String summary(PoolRefiner.Result next) {
    return String.format("ok: next pool %d = %d survivors + %d variations + %d explored", next.pool().size(),
        next.survivors(), next.variations(), next.explored());
  }
}
