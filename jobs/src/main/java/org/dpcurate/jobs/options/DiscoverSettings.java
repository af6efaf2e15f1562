package org.dpcurate.jobs.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.discovery.DiscoveryConfig;
import org.dpcurate.discovery.FragmentPuzzleDiscovery;
import org.dpcurate.discovery.PrefixTreeDiscovery;
import org.dpcurate.simulation.discovery.PromptPopulationConfig;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.oracle.OracleKind;

/** The discover job's options, validated once ({@link DiscoverOptions}). */
public record DiscoverSettings(RunSettings run, LocalDate start, PromptPopulationConfig population,
    List<Method> methods, DiscoveryConfig discovery, Accounting privacy, double maxRejectedShare,
    boolean checkDuplicates, double evaluateShare) {

  static DiscoverSettings from(Cli cli) {
    PromptPopulationConfig population = population(cli);
    if (cli.given(DiscoverOptions.DEVICES)) {
      population = population.withDevices(cli.get(DiscoverOptions.DEVICES));
    }
    List<Method> methods = cli.get(DiscoverOptions.METHOD);
    OracleKind oracle = cli.get(DiscoverOptions.ORACLE);
    double[] roundEpsilons = cli.get(DiscoverOptions.ROUND_EPSILONS);
    DiscoveryConfig discovery = Cli.validated(DiscoverOptions.EPSILON, () -> new DiscoveryConfig(
        cli.get(DiscoverOptions.EPSILON), cli.get(DiscoverOptions.SEGMENT_WORDS),
        cli.get(DiscoverOptions.MAX_PREFIXES), cli.get(DiscoverOptions.COHORT_SHARES), roundEpsilons, oracle,
        cli.get(DiscoverOptions.FDR), cli.get(DiscoverOptions.MIN_DEVICES),
        cli.get(DiscoverOptions.FRAGMENT_HASH_BITS), cli.get(DiscoverOptions.FRAGMENT_SHARE),
        cli.get(DiscoverOptions.FRAGMENT_SKETCH_ROWS), cli.get(DiscoverOptions.FRAGMENT_SKETCH_COLUMNS), 2000, 0L));
    int prefixRounds = discovery.prefixRounds(population.maxWords());
    if (methods.contains(Method.PREFIX_TREE)) {
      Cli.validated(DiscoverOptions.COHORT_SHARES, () -> discovery.sharesFor(prefixRounds));
      Cli.validated(DiscoverOptions.ROUND_EPSILONS, () -> discovery.epsilonOf(1, prefixRounds));
    }
    if (methods.contains(Method.SFP) && roundEpsilons.length != 0 && roundEpsilons.length != 2) {
      throw JobException.usage("--round-epsilons: SFP has 2 rounds (fragments, scoring), got "
          + roundEpsilons.length + " values");
    }
    RunSettings run = RunSettings.from(cli, DiscoverOptions.CAMPAIGN);
    // The simulated prompt population is a fleet of its own, shared by the methods that run on it.
    return new DiscoverSettings(run, cli.get(DiscoverOptions.START), population, methods, discovery,
        CommonOptions.accounting(cli, false, 1e-9).forFleet(run.campaign()),
        cli.get(CommonOptions.MAX_REJECTED_SHARE), !cli.get(CommonOptions.SKIP_DUPLICATE_CHECK),
        cli.get(DiscoverOptions.EVALUATE_SHARE));
  }

  private static PromptPopulationConfig population(Cli cli) {
    Path file = cli.get(DiscoverOptions.POPULATION);
    if (file == null && Files.isReadable(CommonOptions.defaultFile(DiscoverOptions.DEFAULT_POPULATION_FILE))) {
      file = CommonOptions.defaultFile(DiscoverOptions.DEFAULT_POPULATION_FILE);
    }
    Path chosen = file;
    return chosen == null ? PromptPopulationConfig.defaults()
        : Cli.validated(DiscoverOptions.POPULATION, () -> PromptPopulationConfig.load(chosen));
  }

  /** The campaign one method writes to: the campaign itself, or with the method appended when both run. */
  public String campaignOf(Method method) {
    return methods.size() == 1 ? run.campaign() : run.campaign() + "-" + method.label();
  }

  public int roundsOf(Method method) {
    return method == Method.PREFIX_TREE ? discovery.prefixRounds(population.maxWords()) : 2;
  }

  /** A string-discovery method; {@code --method both} runs each in turn. */
  public enum Method {
    PREFIX_TREE(PrefixTreeDiscovery.METHOD),
    SFP(FragmentPuzzleDiscovery.METHOD);

    private final String label;

    Method(String label) {
      this.label = label;
    }

    /** The name outputs and options use. */
    public String label() {
      return label;
    }

    static final Parser<List<Method>> PARSER = Parser.of(text -> switch (text) {
      case PrefixTreeDiscovery.METHOD -> List.of(PREFIX_TREE);
      case FragmentPuzzleDiscovery.METHOD -> List.of(SFP);
      case "both" -> List.of(PREFIX_TREE, SFP);
      default -> throw new IllegalArgumentException("must be prefix-tree, sfp or both, got: " + text);
    }, methods -> methods.size() == 1 ? methods.get(0).label() : "both");
  }
}
