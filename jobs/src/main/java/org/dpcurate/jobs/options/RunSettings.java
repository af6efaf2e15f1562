package org.dpcurate.jobs.options;

/** Where a run writes, which campaign it is, and the seed every random stage derives from. */
public record RunSettings(String warehouse, String campaign, long seed) {
  /** The run's settings; jobs without randomness do not take --seed (their seed is never used). */
  public static RunSettings from(Cli cli, Option<String> campaign) {
    long seed = cli.declares(CommonOptions.SEED) ? cli.get(CommonOptions.SEED) : CommonOptions.SEED.defaultValue();
    return new RunSettings(cli.get(CommonOptions.WAREHOUSE), cli.get(campaign), seed);
  }

  /** The same run under another campaign name (simulation variants). */
  public RunSettings withCampaign(String name) {
    return new RunSettings(warehouse, name, seed);
  }
}
