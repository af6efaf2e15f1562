package org.dpcurate.accounting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-device accounting of one campaign. Every round a participating device spends the round's eps once; over a
 * budget period the spends compose sequentially (they add up: the worst case is a device that took part in every
 * round). A round that would take the sum over its period past the budget is refused.
 *
 * <p>Rounds may be reported by a cohort instead of every device. A cohort is labelled "c/R": cohort c of a split of
 * the devices into R disjoint cohorts (devices pick c by a stable hash, so the same split always gives the same
 * cohorts). A device of cohort c/R is charged for the rounds of every device and of its own cohort, never for the
 * other cohorts of its split, and for each other split as if it sat in that split's most-spending cohort (it sits in
 * exactly one of them, which one is unknown).
 *
 * @param budgetEpsilon per-device budget per period, > 0 (may be +Infinity)
 * @param periodDays length of the sliding budget period, >= 1
 */
public record PrivacyLedger(double budgetEpsilon, int periodDays) {

  public PrivacyLedger {
    if (!(budgetEpsilon > 0)) {
      throw new IllegalArgumentException("budget epsilon must be > 0, got: " + budgetEpsilon);
    }
    if (periodDays < 1) {
      throw new IllegalArgumentException("budget period must be >= 1 day, got: " + periodDays);
    }
  }

  /** A past round's spend; {@code cohort} is null when every device reported. */
  public record Spend(LocalDate ds, double epsilon, String cohort) {
    public Spend(LocalDate ds, double epsilon) {
      this(ds, epsilon, null);
    }
  }

  /** The accounting of a new round: {@code cumulativeEpsilon} is the most any of its devices has spent. */
  public record Entry(LocalDate ds, double epsilon, LocalDate windowStart, double cumulativeEpsilon,
      boolean withinBudget) {}

  /** "c/R" for cohort c (1-based) of R. */
  public static String cohortLabel(int cohort, int cohorts) {
    if (cohorts < 1 || cohort < 1 || cohort > cohorts) {
      throw new IllegalArgumentException("cohort must be in [1, " + cohorts + "], got: " + cohort);
    }
    return cohort + "/" + cohorts;
  }

  private static String split(String label) {
    return label.substring(label.indexOf('/') + 1);
  }

  /** Accounts a round of every device; see {@link #account(LocalDate, double, String, List)}. */
  public Entry account(LocalDate ds, double epsilon, List<Spend> others) {
    return account(ds, epsilon, null, others);
  }

  /**
   * Accounts a round on {@code ds} spending {@code epsilon} per device of {@code cohort} (null = every device),
   * given the campaign's other rounds; a spend on the same date is replaced (a re-run), spends outside the period
   * ending on {@code ds} do not count.
   */
  public Entry account(LocalDate ds, double epsilon, String cohort, List<Spend> others) {
    LocalDate windowStart = ds.minusDays(periodDays - 1L);
    double everyone = 0;
    Map<String, Map<String, Double>> bySplit = new HashMap<>();
    for (Spend s : others) {
      if (s.ds().equals(ds) || s.ds().isBefore(windowStart) || s.ds().isAfter(ds)) {
        continue;
      }
      if (s.cohort() == null) {
        everyone += s.epsilon();
      } else {
        bySplit.computeIfAbsent(split(s.cohort()), k -> new HashMap<>()).merge(s.cohort(), s.epsilon(), Double::sum);
      }
    }
    double sum = epsilon + everyone;
    for (Map.Entry<String, Map<String, Double>> split : bySplit.entrySet()) {
      Map<String, Double> cohorts = split.getValue();
      if (cohort != null && split(cohort).equals(split.getKey())) {
        sum += cohorts.getOrDefault(cohort, 0.0);
      } else {
        // A device is in one cohort of a split: the worst is the cohort that spent most.
        sum += cohorts.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      }
    }
    return new Entry(ds, epsilon, windowStart, sum, sum <= budgetEpsilon * (1 + 1e-12));
  }
}
