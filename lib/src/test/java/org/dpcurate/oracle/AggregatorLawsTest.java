package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.FrequencyEstimator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Merge is associative and commutative, partitioning does not matter, and seeds make everything repeatable. */
class AggregatorLawsTest {
  static Stream<OracleConfig> configs() {
    return Stream.of(
        OracleConfig.grr(1.5, 50),
        OracleConfig.oue(1.5, 50),
        OracleConfig.ss(1.5, 50),
        OracleConfig.olh(1.5, 50),
        OracleConfig.flh(1.5, 50, 64, 3L),
        OracleConfig.cms(1.5, 50, 4, 64, 3L),
        OracleConfig.hcms(1.5, 50, 4, 64, 3L));
  }

  private static List<Report> reports(FrequencyOracle oracle, long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Report> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(oracle.randomize(i % 7 == 0 ? 3 : rng.nextInt(oracle.domainSize()), rng));
    }
    return out;
  }

  private static OracleAggregator aggregate(FrequencyOracle oracle, List<Report> reports) {
    OracleAggregator agg = oracle.newAggregator();
    reports.forEach(agg::add);
    return agg;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void oneOrFiftyPartsGiveTheSameState(OracleConfig config) {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    List<Report> all = reports(oracle, 11, 2_000);
    OracleAggregator whole = aggregate(oracle, all);
    // Fifty uneven parts, merged in reverse order.
    List<OracleAggregator> parts = new ArrayList<>();
    for (int p = 0; p < 50; p++) {
      parts.add(oracle.newAggregator());
    }
    for (int i = 0; i < all.size(); i++) {
      parts.get((i * i + 3 * i) % 50).add(all.get(i));
    }
    OracleAggregator merged = oracle.newAggregator();
    for (int p = 49; p >= 0; p--) {
      merged.merge(parts.get(p));
    }
    assertTrue(whole.sameStateAs(merged));
    FrequencyEstimates wholeEstimates = FrequencyEstimator.estimate(whole);
    FrequencyEstimates mergedEstimates = FrequencyEstimator.estimate(merged);
    assertArrayEquals(wholeEstimates.estimates(), mergedEstimates.estimates());
    assertArrayEquals(wholeEstimates.variances(), mergedEstimates.variances());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void mergeIsAssociativeAndCommutative(OracleConfig config) {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    List<Report> a = reports(oracle, 1, 300);
    List<Report> b = reports(oracle, 2, 200);
    List<Report> c = reports(oracle, 3, 100);
    OracleAggregator left = aggregate(oracle, a).merge(aggregate(oracle, b)).merge(aggregate(oracle, c));
    OracleAggregator right = aggregate(oracle, a).merge(aggregate(oracle, b).merge(aggregate(oracle, c)));
    OracleAggregator swapped = aggregate(oracle, c).merge(aggregate(oracle, a)).merge(aggregate(oracle, b));
    assertTrue(left.sameStateAs(right));
    assertTrue(left.sameStateAs(swapped));
    assertEquals(600, left.reports());
    assertFalse(left.sameStateAs(aggregate(oracle, a)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void sameSeedSameReportsSameEstimates(OracleConfig config) {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    List<Report> first = reports(oracle, 42, 500);
    List<Report> second = reports(oracle, 42, 500);
    assertEquals(first, second);
    assertArrayEquals(FrequencyEstimator.estimate(aggregate(oracle, first)).estimates(),
        FrequencyEstimator.estimate(aggregate(oracle, second)).estimates());
    assertFalse(first.equals(reports(oracle, 43, 500)), "a different seed must give different reports");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void mergingDifferentConfigsIsRefused(OracleConfig config) {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    FrequencyOracle other = FrequencyOracle.of(OracleConfig.grr(0.7, 50));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> other.newAggregator().merge(oracle.newAggregator()));
    assertTrue(e.getMessage().contains("different configs"));
  }
}
