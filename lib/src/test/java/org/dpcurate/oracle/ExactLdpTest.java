package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact eps-LDP on small domains: enumerate each randomizer's whole output space, check that it is a
 * distribution, that no output's probability ratio between two inputs exceeds e^eps (and that the bound is
 * attained, i.e. the oracle spends its whole budget), and that the randomizer really samples from it.
 */
class ExactLdpTest {
  private static final int OLH_SEEDS = 64;

  static Stream<Arguments> configs() {
    return Stream.of(0.5, 1.0, 2.0, 6.0)
        .flatMap(eps -> OracleFixtures.smallConfigs(eps).stream())
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void everyOutputRatioIsAtMostExpEps(OracleConfig config) {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    List<Report> outputs = OracleFixtures.outputs(config, OLH_SEEDS);
    int k = config.domainSize();
    double expected = config.kind() == OracleKind.OLH ? OLH_SEEDS : 1.0;
    double worst = 0;
    for (int v = 0; v < k; v++) {
      double total = 0;
      for (Report y : outputs) {
        total += oracle.outputProbability(y, v);
      }
      assertEquals(expected, total, 1e-9, "probabilities of value " + v + " must sum to 1 per seed");
    }
    for (Report y : outputs) {
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      for (int v = 0; v < k; v++) {
        double p = oracle.outputProbability(y, v);
        min = Math.min(min, p);
        max = Math.max(max, p);
      }
      assertTrue(min > 0, "every output must be possible for every input: " + y);
      worst = Math.max(worst, max / min);
    }
    double bound = Math.exp(config.epsilon());
    assertTrue(worst <= bound * (1 + 1e-12), "max ratio " + worst + " exceeds e^eps = " + bound);
    assertTrue(worst >= bound * (1 - 1e-9), "max ratio " + worst + " does not attain e^eps = " + bound);
  }

  /** Chi-square goodness of fit of sampled reports against the enumerated distribution, at alpha = 1e-6. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void randomizerSamplesTheEnumeratedDistribution(OracleConfig config) {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    SplittableRandom rng = new SplittableRandom(config.hashCode());
    int samples = 20_000;
    for (int v : new int[] {0, config.domainSize() - 1}) {
      Map<Object, Integer> observed = new HashMap<>();
      Map<Object, Double> expected = new HashMap<>();
      if (config.kind() == OracleKind.OLH) {
        // Seeds are fresh per report: test the distribution of y relative to the hashed value instead.
        int g = config.hashRange();
        int bits = Integer.numberOfTrailingZeros(g);
        for (int i = 0; i < samples; i++) {
          Report r = oracle.randomize(v, rng);
          int offset = Math.floorMod(r.value() - AffineHashFamily.bucket(v, r.seed(), bits), g);
          observed.merge(offset, 1, Integer::sum);
        }
        Report hit = Report.olh(0, AffineHashFamily.bucket(v, 0, bits));
        Report miss = Report.olh(0, (hit.value() + 1) % g);
        for (int offset = 0; offset < g; offset++) {
          expected.put(offset, samples * oracle.outputProbability(offset == 0 ? hit : miss, v));
        }
      } else {
        for (int i = 0; i < samples; i++) {
          observed.merge(oracle.randomize(v, rng), 1, Integer::sum);
        }
        for (Report y : OracleFixtures.outputs(config, 0)) {
          expected.put(y, samples * oracle.outputProbability(y, v));
        }
      }
      assertTrue(expected.keySet().containsAll(observed.keySet()), "randomizer produced an impossible report");
      double stat = 0;
      int cells = 0;
      double pooledExpected = 0;
      int pooledObserved = 0;
      for (Map.Entry<Object, Double> e : expected.entrySet()) {
        int o = observed.getOrDefault(e.getKey(), 0);
        if (e.getValue() < 5) {
          pooledExpected += e.getValue();
          pooledObserved += o;
        } else {
          stat += Math.pow(o - e.getValue(), 2) / e.getValue();
          cells++;
        }
      }
      if (pooledExpected >= 5) {
        stat += Math.pow(pooledObserved - pooledExpected, 2) / pooledExpected;
        cells++;
      }
      double critical = chiSquareCritical(Math.max(1, cells - 1));
      assertTrue(stat <= critical,
          config + " value " + v + ": chi-square " + stat + " > " + critical + " on " + cells + " cells");
    }
  }

  /** Wilson-Hilferty upper quantile of chi-square with df degrees of freedom at alpha = 1e-6 (z = 4.753). */
  static double chiSquareCritical(int df) {
    double z = 4.753424;
    double a = 2.0 / (9 * df);
    return df * Math.pow(1 - a + z * Math.sqrt(a), 3);
  }
}
