package org.dpcurate.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget holds across dates in any order, across campaigns, and under the policy's features and sampling. */
class FleetLedgerTest {
  private static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);

  @Test
  void aBackfillOfAnEarlierDateIsCheckedAgainstTheRoundsAfterIt() {
    PrivacyLedger ledger = new PrivacyLedger(4, 30);
    List<PrivacyLedger.Spend> later = List.of(new PrivacyLedger.Spend(JAN1.plusDays(1), 2, null, "c"),
        new PrivacyLedger.Spend(JAN1.plusDays(2), 2, null, "c"));
    PrivacyLedger.Entry backfill = ledger.account("c", JAN1, 2, null, later);
    assertFalse(backfill.withinBudget(), "01-01..01-30 holds 6 > 4");
    assertEquals(6, backfill.cumulativeEpsilon(), 1e-12);
    assertTrue(!backfill.windowStart().isAfter(JAN1) && !backfill.windowStart().plusDays(29).isBefore(
        JAN1.plusDays(2)), "the worst period holds all three rounds: " + backfill.windowStart());
    // Rounds beyond the period after the date do not count.
    assertTrue(ledger.account("c", JAN1, 2, null,
        List.of(new PrivacyLedger.Spend(JAN1.plusDays(30), 4, null, "c"))).withinBudget());
  }

  @Test
  void reRunsReplaceTheirOwnSpendAndOtherCampaignsStillCount() {
    PrivacyLedger ledger = new PrivacyLedger(16, 30);
    List<PrivacyLedger.Spend> past = List.of(new PrivacyLedger.Spend(JAN1, 2, null, "a"),
        new PrivacyLedger.Spend(JAN1, 3, null, "b"));
    assertEquals(5, ledger.account("a", JAN1, 2, null, past).cumulativeEpsilon(), 1e-12,
        "a's re-run replaces a's spend; b's spend on the same devices that day stays");
  }

  @Test
  void campaignsShareTheDevicesBudgetUnlessThePolicyPutsThemInDisjointFeatures() {
    List<PrivacyLedger.Spend> genmoji = List.of(new PrivacyLedger.Spend(JAN1, 3, null, "genmoji"));
    assertFalse(new PrivacyLedger(4, 30).account("summaries", JAN1, 2, null, genmoji).withinBudget(),
        "the same devices: 3 + 2 > 4");
    PrivacyPolicy policy = PrivacyPolicy.parse(String.join("\n", "policy.version=2", "budget.epsilon=4",
        "budget.period.days=30", "feature.images.share=0.5", "feature.images.campaigns=genmoji",
        "feature.mail.share=0.5", "feature.mail.campaigns=summaries"));
    assertTrue(policy.ledger().account("summaries", JAN1, 2, null, genmoji).withinBudget(), "disjoint devices");
    // A campaign in no feature reaches every device: it meets the most-spending feature.
    PrivacyLedger.Entry everyone = policy.ledger().account("fleet-survey", JAN1, 1, null, genmoji);
    assertEquals(4, everyone.cumulativeEpsilon(), 1e-12);
    assertFalse(policy.ledger().account("fleet-survey", JAN1, 1.5, null, genmoji).withinBudget());
  }

  @Test
  void samplingAmplifiesByTheFormulaAndThePolicySaysWhichFigureIsCharged() {
    for (double eps : new double[] {0.5, 1, 2, 4, 8}) {
      for (double q : new double[] {0.001, 0.01, 0.1, 0.5}) {
        double bound = SamplingAmplification.epsilon(eps, q);
        assertEquals(Math.log(1 + q * (Math.exp(eps) - 1)), bound, 1e-12 * Math.max(1, bound));
        assertTrue(bound < eps);
      }
      assertEquals(eps, SamplingAmplification.epsilon(eps, 1), 0);
    }
    PrivacyPolicy sampled = PrivacyPolicy.parse(String.join("\n", "policy.version=3", "budget.epsilon=16",
        "budget.period.days=30", "accounting=sampled", "sampling.rate=0.01"));
    assertEquals(Math.log1p(0.01 * Math.expm1(2)), sampled.charged("any", 2), 1e-15);
    assertEquals(2, PrivacyPolicy.defaults().charged("any", 2), 0);
  }

  @Test
  void aPolicyFileIsStrict() {
    String base = "policy.version=1\nbudget.epsilon=8\nbudget.period.days=30\n";
    assertEquals(8, PrivacyPolicy.parse(base).budgetEpsilon());
    assertThrows(IllegalArgumentException.class, () -> PrivacyPolicy.parse(base + "budget.epsilom=9\n"));
    assertThrows(IllegalArgumentException.class, () -> PrivacyPolicy.parse(base
        + "feature.a.share=0.7\nfeature.b.share=0.7\n"), "shares over 1");
    assertThrows(IllegalArgumentException.class, () -> PrivacyPolicy.parse(base
        + "feature.a.share=0.5\nfeature.a.campaigns=x\nfeature.b.share=0.5\nfeature.b.campaigns=x\n"));
    assertThrows(IllegalArgumentException.class, () -> PrivacyPolicy.parse("budget.epsilon=8\n"), "no version");
    assertThrows(IllegalArgumentException.class, () -> PrivacyPolicy.parse(base + "accounting=optimistic\n"));
  }
}
