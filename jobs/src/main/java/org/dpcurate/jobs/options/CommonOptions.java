package org.dpcurate.jobs.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.jobs.runtime.JobException;

/** Options several jobs share: where outputs go, the seed, the dates a run processes, the privacy policy. */
public final class CommonOptions {
  private CommonOptions() {}

  public static final Option<String> WAREHOUSE = Option.of("warehouse", "DIR",
      "output root, local path or Hadoop URI", "out/warehouse", Parsers.text());
  public static final Option<Long> SEED = Option.of("seed", "N",
      "seed of every random stage; same inputs and seed give identical outputs", 1L,
      Parsers.longIn(Long.MIN_VALUE, Long.MAX_VALUE));
  public static final Option<EmbedderChoice> EMBEDDER = Option.of("embedder", "E",
      "text embedder of candidates (and simulated devices): minilm (the real model), ngram or taxonomy-oracle",
      EmbedderChoice.MINILM, Parsers.oneOf(java.util.Arrays.asList(EmbedderChoice.values()),
          EmbedderChoice::optionValue));

  /** Where jobs look for the privacy policy when --policy is not given. */
  public static final String DEFAULT_POLICY_FILE = "conf/privacy-policy.properties";

  public static final Option<Path> POLICY = Option.optional("policy", "FILE",
      "the fleet's privacy policy (docs/privacy.md)", DEFAULT_POLICY_FILE + " if present, else the built-in "
          + "policy: 16 per device per 30 days", Parsers.readableFile());
  public static final Option<Double> BUDGET = Option.optional("budget", "EPS",
      "per-device budget per period for this run; may only lower the policy's unless --override-budget",
      "the policy's", Parsers.doubleIn(1e-9, Double.POSITIVE_INFINITY));
  public static final Option<Integer> BUDGET_PERIOD_DAYS = Option.optional("budget-period-days", "D",
      "budget period in days for this run; may only lengthen the policy's unless --override-budget",
      "the policy's", Parsers.intIn(1, 3660));
  public static final Option<Boolean> OVERRIDE_BUDGET = Option.flag("override-budget",
      "let --budget/--budget-period-days loosen the policy: logged, and recorded in every ledger row written");
  public static final Option<Integer> LOCK_WAIT = Option.of("lock-wait", "SECONDS",
      "how long to wait for another run's check-and-commit of the fleet's ledger before exit 7", 60,
      Parsers.intIn(0, 86_400));

  public static final Option<Double> MAX_REJECTED_SHARE = Option.of("max-rejected-share", "S",
      "fail if more reports than this share are invalid", 0.01, Parsers.doubleIn(0, 1));
  public static final Option<Boolean> SKIP_DUPLICATE_CHECK = Option.flag("skip-duplicate-check",
      "trust the ingestion to deliver each report_id once (saves one shuffle of 8-byte hashes; duplicates would "
          + "then count twice)");

  /** Most dates one backfill may cover. */
  public static final int MAX_RANGE_DAYS = 3660;
  public static final Option<LocalDate> DS = Option.optional("ds", "YYYY-MM-DD", "the date (partition) to process",
      "none: give --ds or --from/--to", Parsers.date());
  public static final Option<LocalDate> FROM = Option.optional("from", "YYYY-MM-DD",
      "first date of a backfill, with --to; dates run in order", "none", Parsers.date());
  public static final Option<LocalDate> TO = Option.optional("to", "YYYY-MM-DD",
      "last date of a backfill (inclusive)", "none", Parsers.date());
  public static final List<Option<?>> DATES = List.of(DS, FROM, TO);

  /**
   * A default config file ({@code conf/...}): under the installation when {@code bin/dpcurate} says where it is
   * (system property {@code dpcurate.home}), else under the working directory. Paths given on the command line
   * resolve against the caller's working directory, as any command's do.
   */
  public static Path defaultFile(String relative) {
    String home = System.getProperty("dpcurate.home");
    return home == null ? Path.of(relative) : Path.of(home).resolve(relative);
  }

  /** The policy: --policy, else {@link #DEFAULT_POLICY_FILE} if readable, else the built-in one. */
  public static PrivacyPolicy policy(Cli cli) {
    Path file = cli.get(POLICY);
    if (file == null && Files.isReadable(defaultFile(DEFAULT_POLICY_FILE))) {
      file = defaultFile(DEFAULT_POLICY_FILE);
    }
    Path chosen = file;
    return chosen == null ? PrivacyPolicy.defaults() : Cli.validated(POLICY, () -> {
      try {
        return PrivacyPolicy.parse(Files.readString(chosen));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + chosen + ": " + e.getMessage(), e);
      }
    });
  }

  /** The policy, then --budget and --budget-period-days, which may only tighten it unless --override-budget. */
  public static Accounting accounting(Cli cli, boolean shuffled, double delta) {
    PrivacyPolicy policy = policy(cli);
    boolean override = cli.get(OVERRIDE_BUDGET);
    Double budget = cli.get(BUDGET);
    if (budget != null) {
      if (budget > policy.budgetEpsilon() && !override) {
        throw JobException.usage("--budget " + budget + " is above the policy's " + policy.budgetEpsilon()
            + " (policy " + policy.version() + "); the command line cannot raise it without --override-budget");
      }
      policy = policy.withBudget(budget);
    }
    Integer days = cli.get(BUDGET_PERIOD_DAYS);
    if (days != null) {
      if (days < policy.periodDays() && !override) {
        throw JobException.usage("--budget-period-days " + days + " is shorter than the policy's "
            + policy.periodDays() + "; the command line cannot loosen it without --override-budget");
      }
      policy = policy.withPeriodDays(days);
    }
    // --override-budget is recorded whenever given: it also lets a looser new policy version through governance.
    return new Accounting(policy, override, shuffled, delta, cli.declares(LOCK_WAIT) ? cli.get(LOCK_WAIT) : 0);
  }

  /** The campaign option of a job family, with its own default. */
  public static Option<String> campaign(String defaultName, String note) {
    return Option.of("campaign", "NAME", "campaign name, [A-Za-z0-9_-]+" + note, defaultName, Parsers.name());
  }

  /** The dates asked for: exactly one of --ds or --from/--to, in order. */
  public static List<LocalDate> dates(Cli cli) {
    boolean single = cli.given(DS);
    boolean range = cli.given(FROM) || cli.given(TO);
    if (single == range) {
      throw JobException.usage("give either --ds YYYY-MM-DD or --from YYYY-MM-DD --to YYYY-MM-DD");
    }
    if (single) {
      return List.of(cli.get(DS));
    }
    if (!cli.given(FROM) || !cli.given(TO)) {
      throw JobException.usage("a backfill needs both --from and --to");
    }
    LocalDate from = cli.get(FROM);
    LocalDate to = cli.get(TO);
    if (to.isBefore(from)) {
      throw JobException.usage("--to " + to + " is before --from " + from);
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_RANGE_DAYS) {
      throw JobException.usage("a backfill covers at most " + MAX_RANGE_DAYS + " dates, got " + days);
    }
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }
}
