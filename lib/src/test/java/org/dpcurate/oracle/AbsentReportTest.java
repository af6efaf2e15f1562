package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.FrequencyEstimator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reports of "none of the candidates" (discovery rounds): exactly eps-LDP against every candidate, and estimates
 * stay unbiased when most devices hold no candidate.
 */
class AbsentReportTest {
  private static final int OLH_SEEDS = 64;

  static Stream<Arguments> configs() {
    return Stream.of(0.5, 2.0, 6.0)
        .flatMap(eps -> OracleFixtures.smallConfigs(eps).stream())
        .filter(c -> FrequencyOracle.of(c).reportsAbsence())
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void absentReportIsWithinExpEpsOfEveryCandidate(OracleConfig config) {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    List<Report> outputs = OracleFixtures.outputs(config, OLH_SEEDS);
    double total = 0;
    double worst = 0;
    for (Report y : outputs) {
      double absent = oracle.absentOutputProbability(y);
      total += absent;
      for (int v = 0; v < config.domainSize(); v++) {
        double p = oracle.outputProbability(y, v);
        worst = Math.max(worst, Math.max(p / absent, absent / p));
      }
    }
    assertEquals(config.kind() == OracleKind.OLH ? OLH_SEEDS : 1.0, total, 1e-9, "absent distribution sums to 1");
    assertTrue(worst <= Math.exp(config.epsilon()) * (1 + 1e-12), "ratio " + worst + " exceeds e^eps");
  }

  /** 2,000 reports of candidate 0, 18,000 absent: each estimate within 4.5 SE of the truth over 200 trials. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("bigConfigs")
  void estimatesStayUnbiasedWithAbsentDevices(OracleConfig config) {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    int trials = 200;
    int holders = 2_000;
    int absent = 18_000;
    double[] sum = new double[config.domainSize()];
    double variance = 0;
    for (int t = 0; t < trials; t++) {
      SplittableRandom rng = new SplittableRandom(1000 + t);
      FrequencyOracle fresh = FrequencyOracle.of(config.withHashSalt(t * 7919L));
      OracleAggregator agg = fresh.newAggregator();
      for (int i = 0; i < holders; i++) {
        agg.add(fresh.randomize(0, rng));
      }
      for (int i = 0; i < absent; i++) {
        agg.add(fresh.randomizeAbsent(rng));
      }
      FrequencyEstimates e = FrequencyEstimator.estimate(agg);
      for (int v = 0; v < sum.length; v++) {
        sum[v] += e.estimate(v);
      }
      variance += e.variances()[1];
    }
    double se = Math.sqrt(variance / trials / trials);
    for (int v = 0; v < sum.length; v++) {
      double truth = v == 0 ? holders : 0;
      assertEquals(truth, sum[v] / trials, 4.5 * se * (v == 0 ? 1.2 : 1), oracle.kind() + " candidate " + v);
    }
  }

  static Stream<Arguments> bigConfigs() {
    return Stream.of(OracleConfig.flh(2, 16, 256, 0), OracleConfig.olh(2, 16), OracleConfig.cms(2, 16, 32, 64, 0),
        OracleConfig.hcms(2, 16, 32, 64, 0)).map(Arguments::of);
  }

  @Test
  void unhashedOraclesRefuseAbsentReports() {
    for (OracleConfig c : List.of(OracleConfig.grr(1, 8), OracleConfig.oue(1, 8), OracleConfig.ss(1, 8))) {
      FrequencyOracle o = FrequencyOracle.of(c);
      assertTrue(!o.reportsAbsence());
      assertThrows(UnsupportedOperationException.class, () -> o.randomizeAbsent(new SplittableRandom(1)));
    }
  }
}
