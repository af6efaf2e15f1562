package org.dpcurate.accounting;

/**
 * A campaign's privacy policy: the per-device budget over a rolling period, and whether reports were shuffled
 * (anonymized) before storage, in which case the ledger also records the amplified central (eps, delta) bound.
 *
 * @param budgetEpsilon per-device budget per period, > 0 (may be +Infinity)
 * @param periodDays length of the rolling budget period, >= 1
 * @param shuffled whether reports were shuffled before the server stored them
 * @param delta delta of the amplified central bound, in (0, 1)
 */
public record PrivacyPolicy(double budgetEpsilon, int periodDays, boolean shuffled, double delta) {
  public PrivacyPolicy {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got: " + delta);
    }
    new PrivacyLedger(budgetEpsilon, periodDays);
  }

  public PrivacyLedger ledger() {
    return new PrivacyLedger(budgetEpsilon, periodDays);
  }

  /** The same policy with another budget (simulation variants). */
  public PrivacyPolicy withBudget(double epsilon) {
    return new PrivacyPolicy(epsilon, periodDays, shuffled, delta);
  }
}
