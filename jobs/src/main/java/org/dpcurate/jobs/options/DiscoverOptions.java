package org.dpcurate.jobs.options;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dpcurate.discovery.DiscoveryConfig;
import org.dpcurate.oracle.OracleKind;

/** The options of the discover job. */
public final class DiscoverOptions {
  private DiscoverOptions() {}

  public static final String DEFAULT_POPULATION_FILE = "conf/prompts.properties";

  public static final Option<String> CAMPAIGN = CommonOptions.campaign("prompts",
      "; with --method both, -prefix-tree and -sfp are appended");
  public static final Option<LocalDate> START = Option.of("start", "YYYY-MM-DD",
      "date of round 1; round r runs on start + r - 1", LocalDate.of(2026, 2, 1), Parsers.date());
  public static final Option<Path> POPULATION = Option.optional("population", "FILE", "simulated prompt population",
      DEFAULT_POPULATION_FILE + " if present, else built-in defaults", Parsers.readableFile());
  public static final Option<Long> DEVICES = Option.optional("devices", "N",
      "devices taking part, split into the rounds' cohorts", "the population config's",
      Parsers.longIn(2, 10_000_000_000L));
  public static final Option<List<DiscoverSettings.Method>> METHOD = Option.of("method", "M",
      "prefix-tree, sfp or both", List.of(DiscoverSettings.Method.PREFIX_TREE), DiscoverSettings.Method.PARSER);
  public static final Option<Double> EPSILON = Option.of("epsilon", "EPS",
      "per-device eps: each device reports once, in its cohort's round", 4.0, Parsers.doubleIn(1e-6, 30));
  public static final Option<double[]> ROUND_EPSILONS = Option.of("round-epsilons", "E1,E2,..",
      "eps of each round's reports, each <= --epsilon; none: every round --epsilon", new double[0], Parsers.doubles());
  public static final Option<double[]> COHORT_SHARES = Option.of("cohort-shares", "S1,S2,..",
      "relative cohort size per prefix round; none: equal cohorts", new double[0], Parsers.doubles());
  public static final Option<Integer> SEGMENT_WORDS = Option.of("segment-words", "N",
      "words a prefix grows by per round, 1..4", 1, Parsers.intIn(1, 4));
  public static final Option<Integer> MAX_PREFIXES = Option.of("max-prefixes", "N",
      "significant prefixes carried to the next round, most popular first", 128, Parsers.intIn(1, 100_000));
  public static final Option<OracleKind> ORACLE = Option.of("oracle", "NAME",
      "oracle of the candidate-list rounds: " + DiscoveryConfig.ORACLES, DiscoveryConfig.DEFAULT_ORACLE,
      Parser.of(OracleKind::parse, OracleKind::name));
  public static final Option<Double> FDR = Option.of("fdr", "Q",
      "false discovery rate of each round's selection, in (0,1)", 0.05, Parsers.doubleIn(1e-9, 0.999));
  public static final Option<Double> MIN_DEVICES = Option.of("min-devices", "N",
      "a string must be estimated to be held by at least N devices", 0.0, Parsers.doubleIn(0, 1e15));
  public static final Option<Integer> FRAGMENT_HASH_BITS = Option.of("fragment-hash-bits", "B",
      "SFP short-hash bits, 1..16", 8, Parsers.intIn(1, 16));
  public static final Option<Double> FRAGMENT_SHARE = Option.of("fragment-share", "S",
      "SFP share of devices reporting fragments, in (0,1)", 0.7, Parsers.doubleIn(1e-6, 0.999999));
  public static final Option<Integer> FRAGMENT_SKETCH_ROWS = Option.of("fragment-sketch-rows", "K",
      "SFP count-mean sketch rows", 256, Parsers.intIn(1, 65_536));
  public static final Option<Integer> FRAGMENT_SKETCH_COLUMNS = Option.of("fragment-sketch-columns", "M",
      "SFP count-mean sketch columns", 1024, Parsers.intIn(2, 1 << 20));
  public static final Option<Double> EVALUATE_SHARE = Option.of("evaluate-share", "S",
      "simulation only: score recall of strings with at least this true share", 0.005, Parsers.doubleIn(1e-9, 1));

  public static final List<Option<?>> ALL = List.of(CommonOptions.WAREHOUSE, CAMPAIGN, CommonOptions.SEED, START,
      POPULATION, DEVICES, METHOD, EPSILON, ROUND_EPSILONS, COHORT_SHARES, SEGMENT_WORDS, MAX_PREFIXES, ORACLE, FDR,
      MIN_DEVICES, FRAGMENT_HASH_BITS, FRAGMENT_SHARE, FRAGMENT_SKETCH_ROWS, FRAGMENT_SKETCH_COLUMNS,
      CommonOptions.POLICY, CommonOptions.BUDGET, CommonOptions.BUDGET_PERIOD_DAYS, CommonOptions.OVERRIDE_BUDGET,
      CommonOptions.LOCK_WAIT,
      CommonOptions.MAX_REJECTED_SHARE,
      CommonOptions.SKIP_DUPLICATE_CHECK, EVALUATE_SHARE);

  public static DiscoverSettings settings(Cli cli) {
    return DiscoverSettings.from(cli);
  }
}
