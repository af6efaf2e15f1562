package org.dpcurate.jobs.options;

/**
 * Where a run writes, which campaign it is, the seed every random stage derives from and the embedder candidates
 * are placed with.
 */
public record RunSettings(String warehouse, String campaign, long seed, EmbedderChoice embedder) {
  /** The run's settings; jobs without randomness do not take --seed (their seed is never used), nor --embedder. */
  public static RunSettings from(Cli cli, Option<String> campaign) {
    long seed = cli.declares(CommonOptions.SEED) ? cli.get(CommonOptions.SEED) : CommonOptions.SEED.defaultValue();
    EmbedderChoice embedder = cli.declares(CommonOptions.EMBEDDER) ? cli.get(CommonOptions.EMBEDDER)
        : CommonOptions.EMBEDDER.defaultValue();
    return new RunSettings(cli.get(CommonOptions.WAREHOUSE), cli.get(campaign), seed, embedder);
  }

  /** The same run under another campaign name (simulation variants). */
  public RunSettings withCampaign(String name) {
    return new RunSettings(warehouse, name, seed, embedder);
  }
}
