package org.dpcurate.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.dpcurate.discovery.DiscoveryConfig;
import org.dpcurate.discovery.FragmentPuzzleDiscovery;
import org.dpcurate.discovery.PrefixTreeDiscovery;
import org.dpcurate.discovery.PromptPopulationConfig;
import org.dpcurate.oracle.OracleKind;

/** The discover job's options, validated once. */
record DiscoverSettings(String warehouse, String campaign, long seed, LocalDate start,
    PromptPopulationConfig population, List<String> methods, DiscoveryConfig discovery, LedgerTable.Policy privacy,
    double maxRejectedShare, boolean checkDuplicates, double evaluateShare) {

  static final String DEFAULT_POPULATION = "conf/prompts.properties";

  static void addOptions(Cli cli) {
    cli.option("warehouse", "DIR", "output root, local path or Hadoop URI (default "
            + CampaignSettings.DEFAULT_WAREHOUSE + ")")
        .option("campaign", "NAME", "campaign name, [A-Za-z0-9_-]+; with --method both, -prefix-tree and -sfp are "
            + "appended (default prompts)")
        .option("seed", "N", "seed of every random stage (default 1)")
        .option("start", "YYYY-MM-DD", "date of round 1; round r runs on start + r - 1 (default 2026-02-01)")
        .option("population", "FILE", "simulated prompt population (default " + DEFAULT_POPULATION
            + " if present, else built-in defaults)")
        .option("devices", "N", "devices taking part, split into the rounds' cohorts (default 1000000)")
        .option("method", "M", "prefix-tree, sfp or both (default prefix-tree)")
        .option("epsilon", "EPS", "per-device eps: each device reports once, in its cohort's round (default 4)")
        .option("round-epsilons", "E1,E2,..", "eps of each round's reports, each <= --epsilon (default all "
            + "--epsilon)")
        .option("cohort-shares", "S1,S2,..", "relative cohort size per prefix round (default equal)")
        .option("segment-words", "N", "words a prefix grows by per round, 1..4 (default 1)")
        .option("max-prefixes", "N", "significant prefixes carried to the next round, most popular first "
            + "(default 128)")
        .option("oracle", "NAME", "oracle of the candidate-list rounds: FLH, OLH, CMS or HCMS (default FLH)")
        .option("fdr", "Q", "false discovery rate of each round's selection, in (0,1) (default 0.05)")
        .option("min-devices", "N", "a string must be estimated to be held by at least N devices (default 0)")
        .option("fragment-hash-bits", "B", "SFP short-hash bits, 1..16 (default 8)")
        .option("fragment-share", "S", "SFP share of devices reporting fragments, in (0,1) (default 0.7)")
        .option("fragment-sketch-rows", "K", "SFP count-mean sketch rows (default 256)")
        .option("fragment-sketch-columns", "M", "SFP count-mean sketch columns (default 1024)")
        .option("budget", "EPS", "per-device privacy budget per period (default 16)")
        .option("budget-period-days", "D", "length of the budget period in days (default 30)")
        .option("max-rejected-share", "S", "fail if more reports than this share are invalid (default 0.01)")
        .flag("skip-duplicate-check", "trust the ingestion to deliver each report_id once")
        .option("evaluate-share", "S", "simulation only: score recall of strings with at least this true share "
            + "(default 0.005)");
  }

  static DiscoverSettings from(Cli cli) {
    String campaign = cli.string("campaign", "prompts");
    if (!campaign.matches("[A-Za-z0-9_-]+")) {
      throw JobException.usage("--campaign must match [A-Za-z0-9_-]+, got: " + campaign);
    }
    PromptPopulationConfig population = population(cli.string("population"));
    if (cli.has("devices")) {
      population = population.withDevices(cli.longValue("devices", 0, 2, 10_000_000_000L));
    }
    String method = cli.string("method", PrefixTreeDiscovery.METHOD);
    List<String> methods = switch (method) {
      case PrefixTreeDiscovery.METHOD, FragmentPuzzleDiscovery.METHOD -> List.of(method);
      case "both" -> List.of(PrefixTreeDiscovery.METHOD, FragmentPuzzleDiscovery.METHOD);
      default -> throw JobException.usage("--method must be prefix-tree, sfp or both, got: " + method);
    };
    OracleKind oracle = Cli.validated("oracle", () -> OracleKind.parse(cli.string("oracle", "FLH")));
    double epsilon = cli.doubleValue("epsilon", 4, 1e-6, 30);
    double[] roundEpsilons = list(cli, "round-epsilons");
    double[] shares = list(cli, "cohort-shares");
    DiscoveryConfig discovery = Cli.validated("epsilon", () -> new DiscoveryConfig(epsilon,
        cli.intValue("segment-words", 1, 1, 4),
        cli.intValue("max-prefixes", 128, 1, 100_000),
        shares, roundEpsilons, oracle,
        cli.doubleValue("fdr", 0.05, 1e-9, 0.999),
        cli.doubleValue("min-devices", 0, 0, 1e15),
        cli.intValue("fragment-hash-bits", 8, 1, 16),
        cli.doubleValue("fragment-share", 0.7, 1e-6, 0.999999),
        cli.intValue("fragment-sketch-rows", 256, 1, 65_536),
        cli.intValue("fragment-sketch-columns", 1024, 2, 1 << 20),
        2000, 0L));
    int prefixRounds = discovery.prefixRounds(population.maxWords());
    if (methods.contains(PrefixTreeDiscovery.METHOD)) {
      Cli.validated("cohort-shares", () -> discovery.sharesFor(prefixRounds));
      Cli.validated("round-epsilons", () -> discovery.epsilonOf(1, prefixRounds));
    }
    if (methods.contains(FragmentPuzzleDiscovery.METHOD) && roundEpsilons.length != 0 && roundEpsilons.length != 2) {
      throw JobException.usage("--round-epsilons: SFP has 2 rounds (fragments, scoring), got "
          + roundEpsilons.length + " values");
    }
    return new DiscoverSettings(
        cli.string("warehouse", CampaignSettings.DEFAULT_WAREHOUSE),
        campaign,
        cli.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE),
        Dates.parse("start", cli.string("start", "2026-02-01")),
        population,
        methods,
        discovery,
        new LedgerTable.Policy(cli.doubleValue("budget", 16, 1e-9, Double.POSITIVE_INFINITY),
            cli.intValue("budget-period-days", 30, 1, 3660), false, 1e-9),
        cli.doubleValue("max-rejected-share", 0.01, 0, 1),
        !cli.has("skip-duplicate-check"),
        cli.doubleValue("evaluate-share", 0.005, 1e-9, 1));
  }

  private static PromptPopulationConfig population(String file) {
    if (file != null) {
      if (!Files.isReadable(Path.of(file))) {
        throw JobException.usage("--population file not found or unreadable: " + file);
      }
      return Cli.validated("population", () -> PromptPopulationConfig.load(Path.of(file)));
    }
    if (Files.isReadable(Path.of(DEFAULT_POPULATION))) {
      return Cli.validated("population", () -> PromptPopulationConfig.load(Path.of(DEFAULT_POPULATION)));
    }
    return PromptPopulationConfig.defaults();
  }

  private static double[] list(Cli cli, String option) {
    String v = cli.string(option);
    if (v == null) {
      return new double[0];
    }
    try {
      return Arrays.stream(v.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
    } catch (NumberFormatException e) {
      throw JobException.usage("--" + option + " must be comma-separated numbers, got: " + v);
    }
  }

  /** The campaign one method writes to. */
  String campaignOf(String method) {
    return methods.size() == 1 ? campaign : campaign + "-" + method;
  }

  int roundsOf(String method) {
    return method.equals(PrefixTreeDiscovery.METHOD) ? discovery.prefixRounds(population.maxWords()) : 2;
  }
}
