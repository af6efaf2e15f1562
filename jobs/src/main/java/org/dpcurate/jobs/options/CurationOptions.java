package org.dpcurate.jobs.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dpcurate.attestation.TokenKey;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.estimation.Decoding;
import org.dpcurate.estimation.PostProcessing;
import org.dpcurate.oracle.MechanismChooser;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.refinement.RefinementConfig;
import org.dpcurate.selection.CuratedSet;
import org.dpcurate.selection.Selection;
import org.dpcurate.simulation.PopulationConfig;
import org.dpcurate.synthesis.GeneratorPrior;

/**
 * The options of the curation jobs, in groups a job composes: estimation (estimate, nightly, curate), refinement
 * (refine, nightly, curate), simulation (simulate, curate). Only jobs that simulate read the simulated population
 * file by default; the others read a population config only when {@link #PRIOR_POPULATION} names one.
 */
public final class CurationOptions {
  private CurationOptions() {}

  /** Where the simulation jobs look for their population when --population is not given. */
  public static final String DEFAULT_POPULATION_FILE = "conf/population.properties";

  public static final Option<String> CAMPAIGN = CommonOptions.campaign("demo", "");

  public static final Option<Path> SIMULATED_POPULATION = Option.optional("population", "FILE",
      "simulated population config", DEFAULT_POPULATION_FILE + " if present, else built-in defaults",
      Parsers.readableFile());
  public static final Option<Path> PRIOR_POPULATION = Option.optional("population", "FILE",
      "population config whose prior.* keys set the generator prior; no file is read unless given",
      "the built-in prior", Parsers.readableFile());
  public static final Option<Long> DEVICES = Option.optional("devices", "N",
      "devices per round, overrides the population config", "the population config's",
      Parsers.longIn(1, 10_000_000_000L));
  public static final Option<Integer> CANDIDATES = Option.of("candidates", "K",
      "candidate pool size per round, >= 2", 2000, Parsers.intIn(2, OracleConfig.MAX_DOMAIN_SIZE));
  public static final Option<Double> EPSILON = Option.of("epsilon", "EPS",
      "local budget per report, > 0; 'inf' runs the non-private reference", 2.0,
      Parsers.doubleIn(1e-6, Double.POSITIVE_INFINITY));
  public static final Option<OracleChoice> ORACLE = Option.of("oracle", "NAME",
      "auto (the mechanism chooser), " + OracleKind.listed(List.of(OracleKind.values()), null, "or") + ", case-insensitive", OracleChoice.AUTO,
      OracleChoice.PARSER);
  public static final Option<Integer> REPORT_BITS = Option.of("report-bits", "B",
      "report-size budget in bits for the chooser", 128, Parsers.intIn(1, 1 << 24));

  public static final Option<Long> DOWNLOAD_BUDGET = Option.optional("download-budget", "BYTES",
      "bytes a device may download a round (e.g. 262144, 256KiB, 1MB): the finest vote that fits, the whole pool "
          + "in int8, else the whole pool projected on its principal axes (at least a quarter of them), else the "
          + "fewest int8 segments, each device downloading and voting in one (docs/protocol.md)",
      "every device downloads the whole pool", Parsers.bytesIn(8, 1L << 40));

  public static final Option<TokenKey> TOKEN_KEY = Option.optional("token-key", "FILE",
      "the round's token issuer public key (DER or PEM SubjectPublicKeyInfo, RSA >= 2048 bits): uploads carry a "
          + "blind-signed token (docs/protocol.md \"Upload tokens\")", "uploads carry no token",
      Parsers.tokenKeyFile());
  public static final Option<String> TOKENS = Option.of("tokens", "MODE",
      "with --token-key: 'required' refuses an upload without a token (MISSING_TOKEN); 'optional' accepts it and "
          + "counts it as unattested", "required", Parsers.oneOf(List.of("required", "optional"), m -> m));

  /** The robust preset of {@link #MAX_ATTACK_GAIN}: keeps HCMS and OLH/FLH with g = 2 at eps 2 (1.31 each). */
  public static final double ROBUST_ATTACK_GAIN = 1.35;
  public static final Option<Double> MAX_ATTACK_GAIN = Option.of("max-attack-gain", "G",
      "the most honest holders one fake report may be worth (docs/security.md), > 1, or 'robust' ("
          + ROBUST_ATTACK_GAIN + "): the chooser excludes oracles above it after shrinking OLH's and FLH's hash "
          + "range; a named --oracle above it is refused", MechanismChooser.NO_GAIN_CAP,
      Parser.of(text -> text.trim().equalsIgnoreCase("robust") ? ROBUST_ATTACK_GAIN
          : Parsers.doubleIn(1 + 1e-9, Double.POSITIVE_INFINITY).parse(text), Parsers::formatNumber));

  public static final Option<Double> FAKE_SHARE = Option.of("fake-share", "F",
      "share of simulated devices that are fake and push --attack-target (docs/security.md), in [0, 0.5]", 0.0,
      Parsers.doubleIn(0, 0.5));
  public static final Option<Long> FAKE_ATTESTED = Option.optional("fake-attested", "A",
      "with --fake-share: the rounds are attested (tokens required) and about A of the fake devices hold a genuine "
          + "token a round (a device farm; their randomness is their token's); the other fakes' uploads are refused "
          + "as MISSING_TOKEN", "no tokens: fakes choose their report ids", Parsers.longIn(0, 10_000_000_000L));
  public static final Option<String> ATTACK_TARGET = Option.optional("attack-target", "ID",
      "candidate id the fake devices push", "the last candidate of the first round's published order",
      Parsers.text());

  public static final Option<Long> EXPECTED_REPORTS = Option.of("expected-reports", "N",
      "reports the round expects (sizes FLH's seed pool and the chooser's decoding cost)", 1_000_000L,
      Parsers.longIn(1, 10_000_000_000L));

  public static final Option<Double> FDR = Option.of("fdr", "Q", "false discovery rate of selection, in (0,1)",
      0.05, Parsers.doubleIn(1e-9, 0.999));
  public static final Option<Double> MIN_COUNT = Option.of("min-count", "N",
      "minimum estimated count to select a candidate", 0.0, Parsers.doubleIn(0, 1e15));
  public static final Option<Double> CONFIDENCE = Option.of("confidence", "C",
      "confidence of the published intervals, in (0,1)", 0.95, Parsers.doubleIn(0.5, 0.999999));
  public static final Option<PostProcessing> POST_PROCESSING = Option.of("post-processing", "P",
      "none, clip or norm-sub, for shares", PostProcessing.NORM_SUB,
      Parser.of(PostProcessing::parse, p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')));
  public static final Option<Decoding> DECODING = Option.of("decoding", "D",
      "collision-aware (FLH, CMS, HCMS: solve for the hash family in use) or plain", Decoding.COLLISION_AWARE,
      Parsers.oneOf(Arrays.asList(Decoding.values()), Decoding::optionValue));
  public static final Option<Boolean> SHUFFLED = Option.flag("shuffled",
      "reports were shuffled/anonymized before storage: record the amplified central bound");
  public static final Option<Double> DELTA = Option.of("delta", "D",
      "delta of the amplified central (eps, delta) bound", 1e-9, Parsers.doubleIn(1e-300, 0.5));

  public static final Option<Variation> VARIATION = Option.of("variation", "V",
      "slot, embedding, lexical, llm (with --llm-model) or external",
      Variation.SLOT, Parsers.oneOf(Arrays.asList(Variation.values()), Variation::optionValue));

  public static final Option<Double> NEAR_DUPLICATE = Option.of("near-duplicate", "COS",
      "a variation at least this cosine-similar to a pool member of its label is dropped, in (0, 1]",
      RefinementConfig.DEFAULT_DUPLICATE_SIMILARITY, Parsers.doubleIn(Double.MIN_VALUE, 1));
  public static final Option<Double> EXPLORATION_SHARE = Option.of("exploration-share", "S",
      "share of each refined pool drawn fresh from the generator prior or the public texts, in [0, 0.9]",
      RefinementConfig.DEFAULT_EXPLORATION_SHARE, Parsers.doubleIn(0, 0.9));
  public static final Option<Double> FLAT_VOTES_EXPLORATION = Option.of("flat-votes-exploration", "S",
      "when the selection holds less than half of the votes, the share drawn fresh rises to the share it does not "
          + "hold, up to this, in [0, 0.9] (0: always --exploration-share)",
      RefinementConfig.DEFAULT_FLAT_VOTES_EXPLORATION, Parsers.doubleIn(0, 0.9));
  public static final Option<String> LLM_MODEL = Option.optional("llm-model", "PATH",
      "the GGUF language model of --variation llm (docs/operations.md \"Language-model variation\")", "none",
      Parsers.text());
  public static final Option<Integer> LLM_MAX_TOKENS = Option.of("llm-max-tokens", "N",
      "the most tokens an llm variation has", 64, Parsers.intIn(1, 4096));
  public static final Option<Long> LLM_TIMEOUT_MS = Option.of("llm-timeout-ms", "MS",
      "the longest one llm variation may take, in milliseconds", 10_000L, Parsers.longIn(1, 3_600_000));
  /** How refinement varies and deduplicates: the options of refine, nightly and curate. */
  public static final List<Option<?>> VARIATION_OPTIONS = List.of(VARIATION, NEAR_DUPLICATE, EXPLORATION_SHARE,
      FLAT_VOTES_EXPLORATION, LLM_MODEL, LLM_MAX_TOKENS, LLM_TIMEOUT_MS);
  public static final Option<String> PRIVATE_MESSAGES = Option.optional("private-messages", "PATH",
      "real private text the simulated devices hold: JSON lines or Parquet with text and optional label, language, "
          + "weight, split (docs/schemas.md \"Private messages\"); with two or more labels, curation is "
          + "label-conditional", "the generated population (--population)", Parsers.text());
  public static final Option<Double> HELD_OUT_SHARE = Option.of("held-out-share", "S",
      "share of the private messages held out for evaluation when the file has no split column", 0.2,
      Parsers.doubleIn(0.01, 0.99));
  public static final Option<String> INITIAL_POOL = Option.optional("initial-pool", "PATH",
      "public texts the initial pool and exploration draw from (JSON lines or Parquet with text)",
      "the template generator", Parsers.text());
  public static final Option<Boolean> IGNORE_LABELS = Option.flag("ignore-labels",
      "curate one pool for all devices even when the private messages have labels");
  /** What a simulation curates toward and from: real private text and a public initial pool. */
  public static final List<Option<?>> OPEN_WORLD = List.of(PRIVATE_MESSAGES, HELD_OUT_SHARE, INITIAL_POOL,
      IGNORE_LABELS);

  public static final Option<Double> CURATED_NEAR_DUPLICATE = Option.of("curated-near-duplicate", "COS",
      "in the curated training set, a candidate at least this cosine-similar to a heavier one of its label merges "
          + "into it (its weight added; 1: every candidate is its own row), in (0, 1]",
      CuratedSet.NEAR_DUPLICATE_SIMILARITY, Parsers.doubleIn(Double.MIN_VALUE, 1));
  public static final Option<Integer> CURATED_FLAT_ROUNDS = Option.of("curated-flat-rounds", "N",
      "when the last round's votes are flat, the curated table pools its curated set with those of the rounds "
          + "before it whose votes were flat too, up to N rounds in all, each at 1/n of the weight (1: the last "
          + "round's set alone)", CuratedSet.DEFAULT_FLAT_ROUNDS, Parsers.intIn(1, 1000));

  public static final List<Option<?>> ESTIMATION = List.of(FDR, MIN_COUNT, CONFIDENCE, POST_PROCESSING,
      CommonOptions.MAX_REJECTED_SHARE, DECODING, CommonOptions.SKIP_DUPLICATE_CHECK, CommonOptions.POLICY,
      CommonOptions.BUDGET, CommonOptions.BUDGET_PERIOD_DAYS, CommonOptions.OVERRIDE_BUDGET, CommonOptions.LOCK_WAIT,
      SHUFFLED, DELTA, CURATED_NEAR_DUPLICATE, CURATED_FLAT_ROUNDS);
  public static final List<Option<?>> SIMULATION = List.of(DEVICES, EPSILON, ORACLE, REPORT_BITS, MAX_ATTACK_GAIN,
      DOWNLOAD_BUDGET, FAKE_SHARE, FAKE_ATTESTED, ATTACK_TARGET);
  public static final List<Option<?>> PUBLICATION = List.of(EPSILON, ORACLE, REPORT_BITS, MAX_ATTACK_GAIN,
      EXPECTED_REPORTS, DOWNLOAD_BUDGET, TOKEN_KEY, TOKENS, CommonOptions.POLICY, CommonOptions.BUDGET,
      CommonOptions.BUDGET_PERIOD_DAYS, CommonOptions.OVERRIDE_BUDGET);

  public static PublishSettings publication(Cli cli) {
    TokenKey key = cli.get(TOKEN_KEY);
    return new PublishSettings(cli.get(EPSILON), cli.get(ORACLE), cli.get(REPORT_BITS), cli.get(MAX_ATTACK_GAIN),
        cli.get(EXPECTED_REPORTS), cli.get(DOWNLOAD_BUDGET),
        key == null ? null : new RoundConfig.Tokens(key, cli.get(TOKENS).equals("required")));
  }

  public static EstimationSettings estimation(Cli cli) {
    return new EstimationSettings(
        new Selection(cli.get(FDR), cli.get(MIN_COUNT), cli.get(CONFIDENCE), cli.get(POST_PROCESSING)),
        cli.get(CommonOptions.MAX_REJECTED_SHARE), cli.get(DECODING), !cli.get(CommonOptions.SKIP_DUPLICATE_CHECK),
        CommonOptions.accounting(cli, cli.get(SHUFFLED), cli.get(DELTA)), cli.get(CURATED_NEAR_DUPLICATE),
        cli.get(CURATED_FLAT_ROUNDS));
  }

  /** Refinement with {@code prior} (the simulated population's in curate, else {@link #generatorPrior}). */
  public static RefinementSettings refinement(Cli cli, GeneratorPrior prior) {
    if (cli.get(VARIATION) == Variation.LLM && cli.get(LLM_MODEL) == null) {
      throw new JobException(ExitCode.USAGE, "--variation llm needs --llm-model PATH (a GGUF file)");
    }
    return new RefinementSettings(cli.get(CANDIDATES), cli.get(VARIATION), prior, cli.get(NEAR_DUPLICATE),
        cli.get(EXPLORATION_SHARE), cli.get(FLAT_VOTES_EXPLORATION), cli.get(LLM_MODEL), cli.get(LLM_MAX_TOKENS),
        cli.get(LLM_TIMEOUT_MS));
  }

  public static OpenWorldSettings openWorld(Cli cli) {
    return new OpenWorldSettings(cli.get(PRIVATE_MESSAGES), cli.get(HELD_OUT_SHARE), cli.get(INITIAL_POOL),
        cli.get(IGNORE_LABELS));
  }

  public static SimulationSettings simulation(Cli cli, PopulationConfig population) {
    PopulationConfig p = cli.given(DEVICES) ? population.withDevices(cli.get(DEVICES)) : population;
    if (cli.given(FAKE_ATTESTED) && cli.get(FAKE_SHARE) == 0) {
      throw new JobException(ExitCode.USAGE, "--fake-attested needs --fake-share: the attested fakes are among the "
          + "fake devices");
    }
    return new SimulationSettings(p, cli.get(EPSILON), cli.get(ORACLE), cli.get(REPORT_BITS),
        cli.get(MAX_ATTACK_GAIN), cli.get(DOWNLOAD_BUDGET), cli.get(FAKE_SHARE), cli.get(FAKE_ATTESTED),
        cli.get(ATTACK_TARGET));
  }

  /** The simulated population: --population, else {@link #DEFAULT_POPULATION_FILE} if readable, else defaults. */
  public static PopulationConfig simulatedPopulation(Cli cli) {
    Path file = cli.get(SIMULATED_POPULATION);
    if (file == null && Files.isReadable(CommonOptions.defaultFile(DEFAULT_POPULATION_FILE))) {
      file = CommonOptions.defaultFile(DEFAULT_POPULATION_FILE);
    }
    return load(SIMULATED_POPULATION, file);
  }

  /** The generator prior: the {@code prior.*} keys of a file named by --population (only then is one read). */
  public static GeneratorPrior generatorPrior(Cli cli) {
    Path file = cli.get(PRIOR_POPULATION);
    return file == null ? GeneratorPrior.defaults() : load(PRIOR_POPULATION, file).generatorPrior();
  }

  private static PopulationConfig load(Option<Path> option, Path file) {
    return file == null ? PopulationConfig.defaults() : Cli.validated(option, () -> PopulationConfig.load(file));
  }
}
