package org.dpcurate.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dpcurate.accounting.PolicyGovernance.Decision;
import org.dpcurate.accounting.PolicyGovernance.Recorded;
import org.dpcurate.accounting.PolicyGovernance.Verdict;
import org.junit.jupiter.api.Test;

/** A fleet's policy cannot be swapped, rolled back, replaced by the default, or loosened without an override. */
class PolicyGovernanceTest {
  private static PrivacyPolicy policy(String version, double budget, int days, String accounting) {
    return PrivacyPolicy.parse("policy.version=" + version + "\nbudget.epsilon=" + budget + "\nbudget.period.days="
        + days + "\naccounting=" + accounting + "\n");
  }

  private static Recorded recorded(PrivacyPolicy p) {
    return new Recorded(p.version(), p.hash(), p);
  }

  private static Decision check(PrivacyPolicy proposed, boolean override, PrivacyPolicy... ledger) {
    return PolicyGovernance.check(proposed, java.util.Arrays.stream(ledger).map(PolicyGovernanceTest::recorded)
        .toList(), override);
  }

  @Test
  void theFirstPolicyOfAFleetAndTheSameOneAgainAreAccepted() {
    PrivacyPolicy v1 = policy("1", 4, 30, "worst-case");
    assertEquals(Verdict.NEW_VERSION, check(v1, false).verdict());
    assertEquals(Verdict.ACCEPTED, check(v1, false, v1).verdict());
  }

  @Test
  void anotherContentUnderARecordedVersionIsRefusedNamingBothHashes() {
    PrivacyPolicy v1 = policy("1", 4, 30, "worst-case");
    PrivacyPolicy swapped = policy("1", 100, 30, "worst-case");
    Decision d = check(swapped, true, v1);
    assertEquals(Verdict.CHANGED, d.verdict(), "not even with an override");
    assertFalse(d.allowed());
    assertTrue(d.message().contains(v1.hash()) && d.message().contains(swapped.hash()), d.message());
  }

  @Test
  void versionsOnlyGoUp() {
    PrivacyPolicy v9 = policy("9", 4, 30, "worst-case");
    PrivacyPolicy v10 = policy("10", 3, 30, "worst-case");
    assertEquals(Verdict.NEW_VERSION, check(v10, false, v9).verdict(), "10 after 9, numerically");
    Decision back = check(policy("8", 2, 30, "worst-case"), false, v9, v10);
    assertEquals(Verdict.OLDER, back.verdict());
    assertTrue(back.message().contains("version 10"), back.message());
    assertEquals(Verdict.OLDER, check(v9, false, v9, v10).verdict(), "nor back to a version used before");
  }

  @Test
  void aLooserNewVersionNeedsTheOverride() {
    PrivacyPolicy v1 = policy("1", 4, 30, "worst-case");
    for (PrivacyPolicy looser : List.of(policy("2", 100, 30, "worst-case"), policy("2", 4, 7, "worst-case"),
        policy("2", 4, 30, "sampled"))) {
      Decision refused = check(looser, false, v1);
      assertEquals(Verdict.LOOSER, refused.verdict(), looser.toString());
      assertTrue(refused.message().contains("--override-budget"), refused.message());
      assertTrue(check(looser, true, v1).allowed(), "allowed under the recorded override");
    }
    assertEquals(Verdict.NEW_VERSION, check(policy("2", 3, 60, "worst-case"), false, v1).verdict(), "tighter");
  }

  @Test
  void theBuiltInDefaultNeverReplacesAPolicyFile() {
    PrivacyPolicy v1 = policy("1", 4, 30, "worst-case");
    Decision d = check(PrivacyPolicy.defaults(), true, v1);
    assertEquals(Verdict.BUILT_IN, d.verdict());
    assertTrue(d.message().contains("--policy"), d.message());
    assertEquals(Verdict.ACCEPTED, check(PrivacyPolicy.defaults(), false, PrivacyPolicy.defaults()).verdict());
    // A file after the default is compared with the default's budget of 16.
    assertEquals(Verdict.LOOSER, check(policy("1", 30, 30, "worst-case"), false, PrivacyPolicy.defaults())
        .verdict());
    assertEquals(Verdict.NEW_VERSION, check(v1, false, PrivacyPolicy.defaults()).verdict());
  }
}
