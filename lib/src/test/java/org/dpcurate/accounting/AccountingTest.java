package org.dpcurate.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountingTest {
  private static final LocalDate D = LocalDate.of(2026, 3, 10);

  @Test
  void spendsComposeSequentiallyWithinThePeriod() {
    PrivacyLedger ledger = new PrivacyLedger(8, 7);
    List<PrivacyLedger.Spend> past = List.of(
        new PrivacyLedger.Spend(D.minusDays(1), 2),
        new PrivacyLedger.Spend(D.minusDays(6), 2),
        new PrivacyLedger.Spend(D.minusDays(7), 2),
        new PrivacyLedger.Spend(D, 5));
    PrivacyLedger.Entry e = ledger.account(D, 2, past);
    assertEquals(6, e.cumulativeEpsilon(), 1e-12, "day -7 is outside a 7-day period; the same date is replaced");
    assertEquals(D.minusDays(6), e.windowStart());
    assertTrue(e.withinBudget());
    assertTrue(ledger.account(D, 4, past).withinBudget(), "exactly the budget is allowed");
    assertFalse(ledger.account(D, 4.5, past).withinBudget());
    assertThrows(IllegalArgumentException.class, () -> new PrivacyLedger(0, 7));
    assertThrows(IllegalArgumentException.class, () -> new PrivacyLedger(1, 0));
  }

  /** Disjoint cohorts compose in parallel: a device is charged for its own cohort's rounds only. */
  @Test
  void cohortsOfOneSplitComposeInParallel() {
    PrivacyLedger ledger = new PrivacyLedger(6, 30);
    List<PrivacyLedger.Spend> discovery = List.of(
        new PrivacyLedger.Spend(D.minusDays(3), 4, PrivacyLedger.cohortLabel(1, 3)),
        new PrivacyLedger.Spend(D.minusDays(2), 4, PrivacyLedger.cohortLabel(2, 3)));
    PrivacyLedger.Entry third = ledger.account(D.minusDays(1), 4, PrivacyLedger.cohortLabel(3, 3), discovery);
    assertEquals(4, third.cumulativeEpsilon(), 1e-12, "seven rounds of eps 4 cost a device 4, not 28");
    assertEquals(8, ledger.account(D, 4, PrivacyLedger.cohortLabel(1, 3), discovery).cumulativeEpsilon(), 1e-12,
        "cohort 1 again: its devices spent twice");
    // A round of every device, or of another split's cohort, meets the worst cohort of the split.
    assertEquals(5, ledger.account(D, 1, discovery).cumulativeEpsilon(), 1e-12);
    assertEquals(5, ledger.account(D, 1, PrivacyLedger.cohortLabel(1, 2), discovery).cumulativeEpsilon(), 1e-12);
    assertFalse(ledger.account(D, 2.5, discovery).withinBudget());
    assertThrows(IllegalArgumentException.class, () -> PrivacyLedger.cohortLabel(4, 3));
  }

  @Test
  void shufflingAmplifiesOnlyWhereTheTheoremApplies() {
    double delta = 1e-9;
    double central = ShuffleAmplification.centralEpsilon(2, 1_000_000, delta);
    assertTrue(central < 0.2, "a million shuffled eps=2 reports: central eps " + central);
    // The bound shrinks like 1/sqrt(n).
    double quarter = ShuffleAmplification.centralEpsilon(2, 4_000_000, delta);
    assertEquals(central / 2, quarter, central * 0.05);
    // eps0 beyond log(n / (16 log(2/delta))): no amplification claimed.
    assertFalse(ShuffleAmplification.applies(8, 10_000, delta));
    assertEquals(8, ShuffleAmplification.centralEpsilon(8, 10_000, delta));
    assertEquals(Math.log1p((Math.E * Math.E - 1) / (Math.E * Math.E + 1)
        * (8 * Math.sqrt(Math.E * Math.E * Math.log(4 / delta)) / 1000 + 8 * Math.E * Math.E / 1e6)), central, 1e-12);
  }
}
