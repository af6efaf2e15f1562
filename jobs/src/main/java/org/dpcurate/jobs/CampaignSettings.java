package org.dpcurate.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dpcurate.embedding.TextEmbedder;
import org.dpcurate.estimation.PostProcessing;
import org.dpcurate.oracle.MechanismChooser;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.refinement.RefinementConfig;
import org.dpcurate.selection.Selection;
import org.dpcurate.simulation.PopulationConfig;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.CandidateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The options every job shares, validated once. Seeds of every random stage derive from {@code seed}. */
public record CampaignSettings(String warehouse, String campaign, long seed, PopulationConfig population,
    int candidates, double epsilon, String oracle, int reportBits, Selection selection, double maxRejectedShare,
    String variation, LedgerTable.Policy privacy, boolean checkDuplicates, boolean collisionAware) {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignSettings.class);

  public static final String DEFAULT_WAREHOUSE = "out/warehouse";
  public static final String DEFAULT_POPULATION = "conf/population.properties";

  public static void addOptions(Cli cli) {
    cli.option("warehouse", "DIR", "output root, local path or Hadoop URI (default " + DEFAULT_WAREHOUSE + ")")
        .option("campaign", "NAME", "campaign name, [A-Za-z0-9_-]+ (default demo)")
        .option("seed", "N", "seed of every random stage; same inputs and seed give identical outputs (default 1)")
        .option("population", "FILE", "simulated population config (default " + DEFAULT_POPULATION
            + " if present, else built-in defaults)")
        .option("devices", "N", "devices per round, overrides the population config (default 1000000)")
        .option("candidates", "K", "candidate pool size per round, >= 2 (default 2000)")
        .option("epsilon", "EPS", "local budget per report, > 0; 'inf' runs the non-private reference (default 2)")
        .option("oracle", "NAME", "auto (the mechanism chooser), GRR, OUE, OLH, FLH, CMS or HCMS (default auto)")
        .option("report-bits", "B", "report-size budget in bits for the chooser (default 128)")
        .option("fdr", "Q", "false discovery rate of selection, in (0,1) (default 0.05)")
        .option("min-count", "N", "minimum estimated count to select a candidate (default 0)")
        .option("confidence", "C", "confidence of the published intervals, in (0,1) (default 0.95)")
        .option("post-processing", "P", "none, clip or norm-sub, for shares (default norm-sub)")
        .option("max-rejected-share", "S", "fail if more reports than this share are invalid (default 0.01)")
        .option("variation", "V", "slot, embedding or external (default slot)")
        .option("budget", "EPS", "per-device privacy budget per period; rounds beyond it are refused (default 16)")
        .option("budget-period-days", "D", "length of the budget period in days (default 30)")
        .flag("shuffled", "reports were shuffled/anonymized before storage: record the amplified central bound")
        .option("delta", "D", "delta of the amplified central (eps, delta) bound (default 1e-9)")
        .option("decoding", "D", "collision-aware (FLH, CMS, HCMS: solve for the hash family in use) or plain "
            + "(default collision-aware)")
        .flag("skip-duplicate-check", "trust the ingestion to deliver each report_id once (saves one shuffle of "
            + "8-byte hashes; duplicates would then count twice)");
  }

  public static CampaignSettings from(Cli cli) {
    String campaign = cli.string("campaign", "demo");
    if (!campaign.matches("[A-Za-z0-9_-]+")) {
      throw JobException.usage("--campaign must match [A-Za-z0-9_-]+, got: " + campaign);
    }
    String populationFile = cli.string("population");
    PopulationConfig population;
    if (populationFile != null) {
      if (!Files.isReadable(Path.of(populationFile))) {
        throw JobException.usage("--population file not found or unreadable: " + populationFile);
      }
      population = Cli.validated("population", () -> PopulationConfig.load(Path.of(populationFile)));
    } else if (Files.isReadable(Path.of(DEFAULT_POPULATION))) {
      population = Cli.validated("population", () -> PopulationConfig.load(Path.of(DEFAULT_POPULATION)));
    } else {
      population = PopulationConfig.defaults();
    }
    if (cli.has("devices")) {
      population = population.withDevices(cli.longValue("devices", 0, 1, 10_000_000_000L));
    }
    String oracle = cli.string("oracle", "auto");
    if (!oracle.equalsIgnoreCase("auto")) {
      Cli.validated("oracle", () -> OracleKind.parse(oracle));
    }
    String variation = cli.string("variation", "slot");
    if (!variation.matches("slot|embedding|external")) {
      throw JobException.usage("--variation must be slot, embedding or external, got: " + variation);
    }
    double fdr = cli.doubleValue("fdr", 0.05, 1e-9, 0.999);
    double minCount = cli.doubleValue("min-count", 0, 0, 1e15);
    double confidence = cli.doubleValue("confidence", 0.95, 0.5, 0.999999);
    PostProcessing post = Cli.validated("post-processing",
        () -> PostProcessing.parse(cli.string("post-processing", "norm-sub")));
    return new CampaignSettings(
        cli.string("warehouse", DEFAULT_WAREHOUSE),
        campaign,
        cli.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE),
        population,
        cli.intValue("candidates", 2000, 2, OracleConfig.MAX_DOMAIN_SIZE),
        cli.doubleValue("epsilon", 2.0, 1e-6, Double.POSITIVE_INFINITY),
        oracle,
        cli.intValue("report-bits", 128, 1, 1 << 24),
        new Selection(fdr, minCount, confidence, post),
        cli.doubleValue("max-rejected-share", 0.01, 0, 1),
        variation,
        new LedgerTable.Policy(cli.doubleValue("budget", 16, 1e-9, Double.POSITIVE_INFINITY),
            cli.intValue("budget-period-days", 30, 1, 3660), cli.has("shuffled"),
            cli.doubleValue("delta", 1e-9, 1e-300, 0.5)),
        !cli.has("skip-duplicate-check"),
        decoding(cli.string("decoding", "collision-aware")));
  }

  private static boolean decoding(String value) {
    return switch (value) {
      case "collision-aware" -> true;
      case "plain" -> false;
      default -> throw JobException.usage("--decoding must be collision-aware or plain, got: " + value);
    };
  }

  /** The same settings for another campaign name, budget eps and population (simulation variants). */
  public CampaignSettings variant(String campaignName, double eps, double budget, PopulationConfig world) {
    return new CampaignSettings(warehouse, campaignName, seed, world, candidates, eps, oracle, reportBits,
        selection, maxRejectedShare, variation, new LedgerTable.Policy(budget, privacy.periodDays(),
            privacy.shuffled(), privacy.delta()), checkDuplicates, collisionAware);
  }

  public TextEmbedder embedder() {
    return TextEmbedder.defaults();
  }

  public PrivatePopulation privatePopulation() {
    long start = System.nanoTime();
    PrivatePopulation p = PrivatePopulation.generate(population, embedder(), seed);
    LOG.info("private population: {} distinct messages in {}", p.size(), Timing.since(start));
    return p;
  }

  public CandidateGenerator generator() {
    return new CandidateGenerator(PrivatePopulation.generatorPrior(population), embedder());
  }

  public RefinementConfig refinement() {
    return RefinementConfig.defaults(candidates);
  }

  /** Randomness of one stage of one round, independent of every other stage. */
  public SplittableRandom random(String stage, int round) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stage.hashCode() * 31L + round);
  }

  /** The round's oracle: the chooser's pick unless one is named; GRR at eps = infinity. */
  public OracleConfig oracleFor(int domainSize, long devices) {
    if (Double.isInfinite(epsilon)) {
      return OracleConfig.grr(epsilon, domainSize);
    }
    if (!oracle.equalsIgnoreCase("auto")) {
      OracleKind kind = OracleKind.parse(oracle);
      return kind == OracleKind.FLH
          ? OracleConfig.flh(epsilon, domainSize, MechanismChooser.seedPoolSize(devices), 0L)
          : Cli.validated("oracle", () -> OracleConfig.withDefaults(kind, epsilon, domainSize));
    }
    MechanismChooser.Choice choice = Cli.validated("report-bits",
        () -> MechanismChooser.choose(epsilon, domainSize, reportBits, devices));
    LOG.info("mechanism chooser (eps={}, K={}, budget {} bits, n={}): {}\n{}", epsilon, domainSize, reportBits,
        devices, choice.chosen().kind(), choice.table());
    return choice.chosen();
  }
}
