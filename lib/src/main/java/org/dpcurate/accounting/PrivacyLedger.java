package org.dpcurate.accounting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-device accounting of one fleet. Every round a participating device spends the round's eps once; over any
 * budget period the spends compose sequentially (they add up: the worst case is a device that took part in every
 * round). A round is refused when it would take the sum over any period that contains it past the budget: every
 * window of {@code periodDays} days that contains the round's date, so a backfill of an earlier date is checked
 * against the rounds after it as well as those before.
 *
 * <p>The budget belongs to the device, not to a campaign: every campaign's rounds charge the same account, unless
 * the policy puts campaigns in features, disjoint groups of devices. A device of feature F is charged for the rounds
 * of F's campaigns and of campaigns in no feature (those reach every device), never for other features' rounds.
 *
 * <p>Rounds may be reported by a cohort instead of every device. A cohort is labelled "c/R": cohort c of a split of
 * a campaign's devices into R disjoint cohorts (devices pick c by a stable hash, so the same split always gives the
 * same cohorts). A device of cohort c/R is charged for the rounds of every device and of its own cohort, never for
 * the other cohorts of its split, and for each other split as if it sat in that split's most-spending cohort (it
 * sits in exactly one of them, which one is unknown).
 *
 * @param budgetEpsilon per-device budget per period, > 0 (may be +Infinity)
 * @param periodDays length of the sliding budget period, >= 1
 * @param featureOf the feature of each campaign that has one (campaigns not in it reach every device)
 */
public record PrivacyLedger(double budgetEpsilon, int periodDays, Map<String, String> featureOf) {

  public PrivacyLedger {
    if (!(budgetEpsilon > 0)) {
      throw new IllegalArgumentException("budget epsilon must be > 0, got: " + budgetEpsilon);
    }
    if (periodDays < 1) {
      throw new IllegalArgumentException("budget period must be >= 1 day, got: " + periodDays);
    }
    featureOf = Map.copyOf(featureOf);
  }

  /** A ledger without features: every campaign reaches every device. */
  public PrivacyLedger(double budgetEpsilon, int periodDays) {
    this(budgetEpsilon, periodDays, Map.of());
  }

  /**
   * A round's spend: {@code cohort} is null when every device of the campaign reported; {@code campaign} null
   * stands for one unnamed campaign.
   */
  public record Spend(LocalDate ds, double epsilon, String cohort, String campaign) {
    public Spend(LocalDate ds, double epsilon) {
      this(ds, epsilon, null, null);
    }

    public Spend(LocalDate ds, double epsilon, String cohort) {
      this(ds, epsilon, cohort, null);
    }
  }

  /**
   * The accounting of a new round: {@code cumulativeEpsilon} is the most any of its devices spends in the worst
   * period that contains the round, the one starting on {@code windowStart}.
   */
  public record Entry(LocalDate ds, double epsilon, LocalDate windowStart, double cumulativeEpsilon,
      boolean withinBudget) {}

  /** "c/R" for cohort c (1-based) of R. */
  public static String cohortLabel(int cohort, int cohorts) {
    if (cohorts < 1 || cohort < 1 || cohort > cohorts) {
      throw new IllegalArgumentException("cohort must be in [1, " + cohorts + "], got: " + cohort);
    }
    return cohort + "/" + cohorts;
  }

  /** Accounts a round of every device; see {@link #account(String, LocalDate, double, String, List)}. */
  public Entry account(LocalDate ds, double epsilon, List<Spend> others) {
    return account(null, ds, epsilon, null, others);
  }

  /** Accounts a round of one unnamed campaign; see {@link #account(String, LocalDate, double, String, List)}. */
  public Entry account(LocalDate ds, double epsilon, String cohort, List<Spend> others) {
    return account(null, ds, epsilon, cohort, others);
  }

  /**
   * Accounts a round of {@code campaign} on {@code ds} spending {@code epsilon} per device of {@code cohort} (null =
   * every device of the campaign), given the fleet's other rounds; the campaign's own spend on the same date is
   * replaced (a re-run), never added.
   */
  public Entry account(String campaign, LocalDate ds, double epsilon, String cohort, List<Spend> others) {
    Spend round = new Spend(ds, epsilon, cohort, campaign);
    List<Spend> all = new ArrayList<>();
    for (Spend s : others) {
      if (!(s.ds().equals(ds) && Objects.equals(s.campaign(), campaign))) {
        all.add(s);
      }
    }
    all.add(round);
    double worst = Double.NEGATIVE_INFINITY;
    LocalDate worstStart = null;
    for (LocalDate start = ds.minusDays(periodDays - 1L); !start.isAfter(ds); start = start.plusDays(1)) {
      LocalDate end = start.plusDays(periodDays - 1L);
      List<Spend> window = new ArrayList<>();
      for (Spend s : all) {
        if (!s.ds().isBefore(start) && !s.ds().isAfter(end)) {
          window.add(s);
        }
      }
      double cost = costOf(round, window);
      if (cost > worst) {
        worst = cost;
        worstStart = start;
      }
    }
    return new Entry(ds, epsilon, worstStart, worst, worst <= budgetEpsilon * (1 + 1e-12));
  }

  /** The most a device that {@code round} reaches spends over {@code window} (which holds the round). */
  private double costOf(Spend round, List<Spend> window) {
    String feature = featureOf.get(String.valueOf(round.campaign()));
    List<String> groups = new ArrayList<>();
    if (feature != null) {
      groups.add(feature);
    } else {
      groups.addAll(featureOf.values().stream().distinct().toList());
      groups.add(null);
    }
    double worst = 0;
    for (String group : groups) {
      List<Spend> reaching = new ArrayList<>();
      for (Spend s : window) {
        String f = featureOf.get(String.valueOf(s.campaign()));
        if (f == null || f.equals(group)) {
          reaching.add(s);
        }
      }
      worst = Math.max(worst, cohortCost(round, reaching));
    }
    return worst;
  }

  /** Sequential composition, with the cohorts of each split composing in parallel. */
  private static double cohortCost(Spend round, List<Spend> spends) {
    double sum = 0;
    Map<String, Map<String, Double>> bySplit = new HashMap<>();
    for (Spend s : spends) {
      if (s.cohort() == null) {
        sum += s.epsilon();
      } else {
        bySplit.computeIfAbsent(split(s), k -> new HashMap<>()).merge(s.cohort(), s.epsilon(), Double::sum);
      }
    }
    for (Map.Entry<String, Map<String, Double>> split : bySplit.entrySet()) {
      Map<String, Double> cohorts = split.getValue();
      if (round.cohort() != null && split(round).equals(split.getKey())) {
        sum += cohorts.get(round.cohort());
      } else {
        // A device is in one cohort of a split: the worst is the cohort that spent most.
        sum += cohorts.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      }
    }
    return sum;
  }

  /** A campaign's split into R cohorts; different campaigns' splits are independent. */
  private static String split(Spend s) {
    return s.campaign() + "|" + s.cohort().substring(s.cohort().indexOf('/') + 1);
  }
}
