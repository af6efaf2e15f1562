package org.dpcurate.jobs.options;

/** Where a run writes, which campaign it is, and the seed every random stage derives from. */
public record RunSettings(String warehouse, String campaign, long seed) {
  public static RunSettings from(Cli cli, Option<String> campaign) {
    return new RunSettings(cli.get(CommonOptions.WAREHOUSE), cli.get(campaign), cli.get(CommonOptions.SEED));
  }

  /** The same run under another campaign name (simulation variants). */
  public RunSettings withCampaign(String name) {
    return new RunSettings(warehouse, name, seed);
  }
}
