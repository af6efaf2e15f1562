package org.dpcurate.jobs;

import java.util.ArrayList;
import java.util.List;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.discovery.DiscoveryConfig;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.DiscoverOptions;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.Parsers;
import org.dpcurate.jobs.pipeline.DiscoveryPlan;
import org.dpcurate.jobs.pipeline.DiscoveryRoundStep;
import org.dpcurate.jobs.runtime.JobException;

/**
 * String discovery as nightly rounds over uploaded reports (prefix tree): {@code --first} starts a campaign on its
 * date, publishing its plan and round 1; every later night, after `ingest`, estimates the date's round and
 * publishes the next one for the following date (docs/discovery.md "Nightly rounds").
 */
public final class DiscoverRoundJob extends DatedJob {
  static final Option<String> CAMPAIGN = CommonOptions.campaign("prompts", "");
  static final Option<Boolean> FIRST = Option.flag("first",
      "start the campaign on --ds: publish its plan (the options below) and round 1");
  static final Option<Integer> VOCABULARY_SIZE = Option.of("vocabulary-size", "V",
      "words of the public vocabulary (docs/protocol.md)", 1000, Parsers.intIn(2, 60_000));
  static final Option<Integer> MAX_WORDS = Option.of("max-words", "N", "the public maximum string length in words",
      6, Parsers.intIn(1, 64));
  static final Option<Long> EXPECTED_DEVICES = Option.of("expected-devices", "N",
      "devices taking part, split into the rounds' cohorts", 1_000_000L, Parsers.longIn(2, 10_000_000_000L));

  public static void main(String[] args) {
    JobRunner.main(new DiscoverRoundJob(), args);
  }

  @Override
  public String name() {
    return "discover-round";
  }

  @Override
  public String summary() {
    return "one nightly prefix-tree discovery round over uploaded reports; publishes the next round";
  }

  @Override
  Option<String> campaignOption() {
    return CAMPAIGN;
  }

  @Override
  List<Option<?>> stepOptions() {
    List<Option<?>> options = new ArrayList<>(List.of(FIRST, VOCABULARY_SIZE, MAX_WORDS, EXPECTED_DEVICES,
        DiscoverOptions.EPSILON, DiscoverOptions.ROUND_EPSILONS, DiscoverOptions.COHORT_SHARES,
        DiscoverOptions.SEGMENT_WORDS, DiscoverOptions.MAX_PREFIXES, DiscoverOptions.ORACLE, DiscoverOptions.FDR,
        DiscoverOptions.MIN_DEVICES));
    options.addAll(List.of(CommonOptions.POLICY, CommonOptions.BUDGET, CommonOptions.BUDGET_PERIOD_DAYS,
        CommonOptions.OVERRIDE_BUDGET, CommonOptions.LOCK_WAIT, CommonOptions.MAX_REJECTED_SHARE,
        CommonOptions.SKIP_DUPLICATE_CHECK));
    return options;
  }

  @Override
  Steps plan(Cli cli) {
    boolean first = cli.get(FIRST);
    Accounting accounting = CommonOptions.accounting(cli, false, 1e-9);
    double maxRejected = cli.get(CommonOptions.MAX_REJECTED_SHARE);
    boolean checkDuplicates = !cli.get(CommonOptions.SKIP_DUPLICATE_CHECK);
    int maxWords = cli.get(MAX_WORDS);
    DiscoveryConfig config = Cli.validated(DiscoverOptions.EPSILON, () -> new DiscoveryConfig(
        cli.get(DiscoverOptions.EPSILON), cli.get(DiscoverOptions.SEGMENT_WORDS),
        cli.get(DiscoverOptions.MAX_PREFIXES), cli.get(DiscoverOptions.COHORT_SHARES),
        cli.get(DiscoverOptions.ROUND_EPSILONS), cli.get(DiscoverOptions.ORACLE), cli.get(DiscoverOptions.FDR),
        cli.get(DiscoverOptions.MIN_DEVICES), 8, 0.7, 256, 1024, 2000, 0L));
    int vocabularySize = cli.get(VOCABULARY_SIZE);
    long expectedDevices = cli.get(EXPECTED_DEVICES);
    int rounds = config.prefixRounds(maxWords);
    Cli.validated(DiscoverOptions.COHORT_SHARES, () -> config.sharesFor(rounds));
    Cli.validated(DiscoverOptions.ROUND_EPSILONS, () -> config.epsilonOf(1, rounds));
    return (run, dates) -> {
      DiscoveryRoundStep step = new DiscoveryRoundStep(run, accounting, maxRejected, checkDuplicates);
      if (first && dates.size() != 1) {
        throw JobException.usage("--first starts a campaign on one date: give --ds");
      }
      return ds -> first ? step.start(new DiscoveryPlan(ds, vocabularySize, maxWords, expectedDevices, config))
          : step.run(ds);
    };
  }
}
