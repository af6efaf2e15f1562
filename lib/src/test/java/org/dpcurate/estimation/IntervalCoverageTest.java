package org.dpcurate.estimation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.HashedOracle;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.synthesis.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published 95% intervals cover the true count for 93.5%-96.5% of (candidate, trial) pairs, for every oracle,
 * on uniform and Zipf(1.1) data, with ONE fixed hash family across trials (as a deployment has); FLH, CMS and
 * HCMS decode collision-aware. K = 256, eps = 2, 200,000 reports, 20 trials: 5,120 pairs per case, so sampling
 * error alone is about 0.3 points.
 */
class IntervalCoverageTest {
  private static final int TRIALS = 20;
  private static final int REPORTS = 200_000;
  private static final int K = 256;

  static Stream<Arguments> cases() {
    return Stream.of("uniform", "zipf").flatMap(data -> Stream.of(OracleKind.values()).map(kind -> {
      OracleConfig config = switch (kind) {
        case FLH -> OracleConfig.flh(2, K, 1024, 0L);
        case CMS -> OracleConfig.cms(2, K, 16, 256, 0L);
        default -> OracleConfig.withDefaults(kind, 2, K);
      };
      return Arguments.of(config.kind(), data, config);
    }));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void intervalsCoverAtTheirNominalRate(OracleKind kind, String data, OracleConfig config) {
    Weights weights = data.equals("uniform") ? Weights.uniform(K)
        : Weights.zipf(IntStream.range(0, K).toArray(), 1.1);
    SplittableRandom population = new SplittableRandom(11);
    int[] values = new int[REPORTS];
    long[] truth = new long[K];
    for (int i = 0; i < REPORTS; i++) {
      values[i] = weights.draw(population);
      truth[values[i]]++;
    }
    FrequencyOracle oracle = FrequencyOracle.of(config);
    long covered = IntStream.range(0, TRIALS).parallel().mapToLong(trial -> {
      SplittableRandom rng = new SplittableRandom(1_000L + trial);
      OracleAggregator agg = oracle.newAggregator();
      for (int v : values) {
        agg.add(oracle.randomize(v, rng));
      }
      FrequencyEstimates e = oracle instanceof HashedOracle h && CollisionAwareDecoding.wellConditioned(h, K)
          ? FrequencyEstimator.estimate(agg, Decoding.COLLISION_AWARE) : FrequencyEstimator.estimate(agg);
      return IntStream.range(0, K)
          .filter(v -> truth[v] >= e.lower(v, FrequencyEstimates.Z95) && truth[v] <= e.upper(v, FrequencyEstimates.Z95))
          .count();
    }).sum();
    double coverage = (double) covered / ((long) TRIALS * K);
    assertTrue(coverage >= 0.935 && coverage <= 0.965, kind + " " + data + ": coverage " + coverage);
  }
}
