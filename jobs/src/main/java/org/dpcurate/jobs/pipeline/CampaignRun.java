package org.dpcurate.jobs.pipeline;

import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.hash.Seeds;
import org.dpcurate.jobs.embedding.ExecutorEmbedder;
import org.dpcurate.jobs.options.RunSettings;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.synthesis.CandidateGenerator;
import org.dpcurate.synthesis.GeneratorPrior;

/**
 * The context every round step of one campaign runs in: the session and warehouse, the campaign, the run's seed
 * (every random stage derives its stream from it) and the embedder candidates without an embedding get.
 */
public final class CampaignRun {
  private final Warehouse warehouse;
  private final RunSettings settings;
  private final Embedder embedder;
  private final ExecutorEmbedder cache;

  public CampaignRun(SparkSession spark, RunSettings settings) {
    this(new Warehouse(settings.warehouse(), spark), settings);
  }

  private CampaignRun(Warehouse warehouse, RunSettings settings) {
    this(warehouse, settings, settings.embedder().cached()
        ? new ExecutorEmbedder(warehouse, settings.embedder().embedder()) : null);
  }

  private CampaignRun(Warehouse warehouse, RunSettings settings, ExecutorEmbedder cache) {
    this.warehouse = warehouse;
    this.settings = settings;
    this.cache = cache;
    this.embedder = cache != null ? cache : settings.embedder().embedder();
  }

  /**
   * The same session, warehouse (one run id) and embeddings under another campaign name: a simulation variant.
   */
  public CampaignRun forCampaign(String campaign) {
    return new CampaignRun(warehouse, settings.withCampaign(campaign), cache);
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public String campaign() {
    return settings.campaign();
  }

  public long seed() {
    return settings.seed();
  }

  public Embedder embedder() {
    return embedder;
  }

  /** Files the texts embedded in small batches with the embedding cache; every step that embeds ends with it. */
  public void flushEmbeddings() {
    if (cache != null) {
      cache.flush();
    }
  }

  /** A generator drawing from {@code prior}. */
  public CandidateGenerator generator(GeneratorPrior prior) {
    return new CandidateGenerator(prior.distribution(), embedder);
  }

  /** Randomness of one stage of one round, independent of every other stage ({@link Seeds#stage}). */
  public SplittableRandom random(String stage, int round) {
    return Seeds.stage(settings.seed(), stage, round);
  }
}
