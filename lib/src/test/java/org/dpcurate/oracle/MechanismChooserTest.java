package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MechanismChooserTest {
  @Test
  void smallDomainsAtHighEpsilonPickRandomizedResponse() {
    // GRR beats the hashing oracles when K < 3 e^eps + 2.
    MechanismChooser.Choice choice = MechanismChooser.choose(4, 20, 64, 1_000_000);
    assertEquals(OracleKind.GRR, choice.chosen().kind());
  }

  @Test
  void largeDomainsPickFastLocalHashingOverOlhAtTheSameNoise() {
    MechanismChooser.Choice choice = MechanismChooser.choose(2, 2_000, 128, 1_000_000);
    assertEquals(OracleKind.FLH, choice.chosen().kind(), choice.table());
    double olh = variance(choice, OracleKind.OLH);
    double grr = variance(choice, OracleKind.GRR);
    assertEquals(olh, variance(choice, OracleKind.FLH), 1e-12);
    assertTrue(grr > 10 * olh, "GRR at K=2000, eps=2 is far noisier");
    assertTrue(choice.table().contains("FLH"));
  }

  @Test
  void theBudgetExcludesOraclesWithLargerReports() {
    // K=2000, eps=2: FLH needs 13 bits, GRR 11; at 12 bits only GRR (and nothing better) fits.
    MechanismChooser.Choice choice = MechanismChooser.choose(2, 2_000, 12, 1_000_000);
    assertEquals(OracleKind.GRR, choice.chosen().kind(), choice.table());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MechanismChooser.choose(2, 2_000, 10, 1_000));
    assertTrue(e.getMessage().contains("no oracle fits") && e.getMessage().contains("11 bits"), e.getMessage());
  }

  @Test
  void theTableIsOrderedByVarianceAmongFittingOracles() {
    MechanismChooser.Choice choice = MechanismChooser.choose(1, 500, 10_000, 1_000);
    double previous = 0;
    for (MechanismChooser.Option o : choice.options()) {
      assertTrue(o.fits());
      assertTrue(o.variancePerReport() >= previous);
      previous = o.variancePerReport();
    }
  }

  @Test
  void anAttackGainCapKeepsOnlyOraclesWhoseFakeReportIsWorthLittle() {
    double cap = 1.35;
    MechanismChooser.Choice choice = MechanismChooser.choose(2, 2_000, 128, 1_000_000, cap);
    OracleConfig chosen = choice.chosen();
    double gain = FrequencyOracle.of(chosen).fakeReportGain();
    assertTrue(gain <= cap, choice.table());
    // At eps 2 local hashing with g = 2 is worth (e^2 + 1) / (e^2 - 1) holders, HCMS's one sign as much.
    double e = Math.exp(2);
    assertEquals((e + 1) / (e - 1), gain, 0.01, choice.table());
    assertTrue(chosen.kind() == OracleKind.HCMS || chosen.hashRange() == 2, choice.table());
    for (MechanismChooser.Option o : choice.options()) {
      assertEquals(o.attackGain() <= cap, o.withinGainCap(), o.toString());
      assertEquals(FrequencyOracle.of(o.config()).fakeReportGain(), o.attackGain(), 1e-12);
    }
    // Without the cap the same round picks the lower-variance FLH with g = 8, worth 2.25 holders a report.
    OracleConfig uncapped = MechanismChooser.choose(2, 2_000, 128, 1_000_000).chosen();
    assertEquals(8, uncapped.hashRange());
    assertTrue(FrequencyOracle.of(uncapped).fakeReportGain() > 2.2);
  }

  @Test
  void aCapNoOracleMeetsIsRefusedWithTheSmallestGain() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MechanismChooser.choose(2, 2_000, 128, 1_000_000, 1.1));
    assertTrue(e.getMessage().contains("1.31"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MechanismChooser.choose(2, 2_000, 128, 1_000_000, 1.0));
    assertThrows(IllegalArgumentException.class, () -> MechanismChooser.choose(2, 2_000, 128, 1_000_000, Double.NaN));
  }

  private static double variance(MechanismChooser.Choice choice, OracleKind kind) {
    return choice.options().stream().filter(o -> o.config().kind() == kind).findFirst().orElseThrow()
        .variancePerReport();
  }
}
