package org.dpcurate.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.dpcurate.estimation.FrequencyEstimator;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fake devices' reports are valid wire reports, and the maximal-gain ones buy the target more than honest ones. */
class PoisoningAttackTest {
  private static final int K = 64;
  private static final int TARGET = 5;
  private static final int REPORTS = 4000;

  private static FrequencyOracle oracle(OracleKind kind) {
    return FrequencyOracle.of(kind == OracleKind.FLH ? OracleConfig.flh(2, K, 64, 3L)
        : OracleConfig.withDefaults(kind, 2, K));
  }

  @ParameterizedTest
  @EnumSource(OracleKind.class)
  void maximalGainReportsAreValidAndAlwaysSupportTheTarget(OracleKind kind) {
    FrequencyOracle o = oracle(kind);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 500; i++) {
      Report r = PoisoningAttack.fakeReport(o, PoisoningAttack.Strategy.MAXIMAL_GAIN, TARGET, rng);
      o.validate(r);
      assertTrue(o.supports(r, TARGET));
    }
  }

  @ParameterizedTest
  @EnumSource(OracleKind.class)
  void aFakeReportBuysTheTargetMoreThanAnHonestHolderAndRandomReportsBuyNothing(OracleKind kind) {
    FrequencyOracle o = oracle(kind);
    SplittableRandom rng = new SplittableRandom(2);
    OracleAggregator fake = o.newAggregator();
    OracleAggregator honest = o.newAggregator();
    OracleAggregator random = o.newAggregator();
    for (int i = 0; i < REPORTS; i++) {
      fake.add(PoisoningAttack.fakeReport(o, PoisoningAttack.Strategy.MAXIMAL_GAIN, TARGET, rng));
      honest.add(o.randomize(TARGET, rng));
      random.add(PoisoningAttack.fakeReport(o, PoisoningAttack.Strategy.RANDOM_REPORT, TARGET, rng));
    }
    var fakeEst = FrequencyEstimator.estimate(fake);
    var honestEst = FrequencyEstimator.estimate(honest);
    var randomEst = FrequencyEstimator.estimate(random);
    // An honest holder counts once in expectation; a fake one more than once (1 / p - q times the support gap).
    assertEquals(REPORTS, honestEst.estimate(TARGET), 5 * honestEst.standardError(TARGET));
    assertTrue(fakeEst.estimate(TARGET) > REPORTS + 5 * honestEst.standardError(TARGET),
        "fake " + fakeEst.estimate(TARGET) + " vs honest " + honestEst.estimate(TARGET));
    assertEquals((double) REPORTS / K, randomEst.estimate(TARGET), 5 * randomEst.standardError(TARGET));
  }

  /** Every maximal-gain report adds exactly the oracle's stated gain to the target's raw estimate. */
  @ParameterizedTest
  @EnumSource(OracleKind.class)
  void eachMaximalGainReportAddsExactlyTheStatedGain(OracleKind kind) {
    FrequencyOracle o = oracle(kind);
    SplittableRandom rng = new SplittableRandom(4);
    OracleAggregator fake = o.newAggregator();
    for (int i = 0; i < REPORTS; i++) {
      fake.add(PoisoningAttack.fakeReport(o, PoisoningAttack.Strategy.MAXIMAL_GAIN, TARGET, rng));
    }
    double raw = FrequencyEstimator.estimate(fake).estimate(TARGET);
    assertEquals(REPORTS * o.fakeReportGain(), raw, 1e-9 * REPORTS);
  }

  @org.junit.jupiter.api.Test
  void theGainIsTheSecurityDocsFormula() {
    double e = Math.exp(2);
    double q = 1 / (e + 1);
    assertEquals((1 - q) / (0.5 - q), FrequencyOracle.of(OracleConfig.oue(2, 500)).fakeReportGain(), 1e-12);
    assertEquals((e + 500 - 2) / (e - 1), FrequencyOracle.of(OracleConfig.grr(2, 500)).fakeReportGain(), 1e-9);
  }

  @ParameterizedTest
  @EnumSource(OracleKind.class)
  void refusesATargetOutsideTheDomain(OracleKind kind) {
    assertThrows(IllegalArgumentException.class, () -> PoisoningAttack.fakeReport(oracle(kind),
        PoisoningAttack.Strategy.MAXIMAL_GAIN, K, new SplittableRandom(3)));
  }
}
