package org.dpcurate.accounting;

import java.time.LocalDate;
import java.util.List;

/**
 * Per-device accounting of one campaign. Every round a participating device spends the round's eps once; over a
 * budget period the spends compose sequentially (they add up: the worst case is a device that took part in every
 * round). A round that would take the sum over its period past the budget is refused.
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

  /** A past round's spend. */
  public record Spend(LocalDate ds, double epsilon) {}

  /** The accounting of a new round. */
  public record Entry(LocalDate ds, double epsilon, LocalDate windowStart, double cumulativeEpsilon,
      boolean withinBudget) {}

  /**
   * Accounts a round on {@code ds} spending {@code epsilon}, given the campaign's other rounds; a spend on the same
   * date is replaced (a re-run), spends outside the period ending on {@code ds} do not count.
   */
  public Entry account(LocalDate ds, double epsilon, List<Spend> others) {
    LocalDate windowStart = ds.minusDays(periodDays - 1L);
    double sum = epsilon;
    for (Spend s : others) {
      if (!s.ds().equals(ds) && !s.ds().isBefore(windowStart) && !s.ds().isAfter(ds)) {
        sum += s.epsilon();
      }
    }
    return new Entry(ds, epsilon, windowStart, sum, sum <= budgetEpsilon * (1 + 1e-12));
  }
}
