package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.FrequencyEstimator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attested uploads fix a report's public part (OLH seed, FLH index, sketch row) from the token's hash: the report
 * follows that value and no other, and estimates over such reports stay unbiased (mean of seeded trials within 4
 * standard errors of the truth, the analytic variance).
 */
class PublicRandomnessTest {
  private static final int TRIALS = 200;
  private static final int K = 64;
  private static final int N = 3000;

  @ParameterizedTest
  @EnumSource(OracleKind.class)
  void reportsFollowThePublicRandomnessAndStayUnbiased(OracleKind kind) {
    OracleConfig base = switch (kind) {
      case FLH -> OracleConfig.flh(2.0, K, 128, 0L);
      case CMS -> OracleConfig.cms(2.0, K, 8, 256, 0L);
      case HCMS -> OracleConfig.hcms(2.0, K, 16, 1024, 0L);
      default -> OracleConfig.withDefaults(kind, 2.0, K);
    };
    boolean hasPublicPart = kind.hashed();
    SplittableRandom draws = new SplittableRandom(5);
    FrequencyOracle probe = FrequencyOracle.of(base);
    for (int i = 0; i < 200; i++) {
      long publicRandomness = draws.nextLong();
      Report r = probe.randomize(i % K, publicRandomness, draws);
      assertTrue(probe.followsPublicRandomness(r, publicRandomness));
      probe.validate(r);
      if (hasPublicPart) {
        // A public part that another value fixes is refused (for the indexed ones, one that lands elsewhere).
        long other = publicRandomness + 1;
        assertFalse(probe.followsPublicRandomness(r, other), kind + ": a report follows one public value");
      }
    }

    double[] estimateOfZero = new double[TRIALS];
    IntStream.range(0, TRIALS).parallel().forEach(t -> {
      SplittableRandom rng = new SplittableRandom(7_919L * t + kind.ordinal());
      FrequencyOracle oracle = FrequencyOracle.of(base.withHashSalt(rng.nextLong()));
      OracleAggregator agg = oracle.newAggregator();
      for (int d = 0; d < N; d++) {
        agg.add(oracle.randomize(d % 4 == 0 ? 0 : 1 + d % (K - 1), rng.nextLong(), rng));
      }
      FrequencyEstimates e = FrequencyEstimator.estimate(agg);
      estimateOfZero[t] = e.estimate(0);
    });
    double truth = N / 4.0;
    double mean = java.util.Arrays.stream(estimateOfZero).average().orElseThrow();
    long[] counts = new long[K];
    for (int d = 0; d < N; d++) {
      counts[d % 4 == 0 ? 0 : 1 + d % (K - 1)]++;
    }
    double pairs = 0;
    for (int v = 1; v < K; v++) {
      pairs += (double) counts[v] * (counts[v] - 1);
    }
    double se = Math.sqrt(probe.variance(N, truth, pairs) / TRIALS);
    assertEquals(truth, mean, 4 * se, kind + ": the mean estimate of attested reports");
  }
}
