package org.dpcurate.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dpcurate.client.SegmentLayout;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.synthesis.Weights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A segmented round's combined estimates: each candidate's 95% interval covers the true number of devices that
 * voted for it at the nominal rate (93.5%-96.5% of 2,400 (candidate, trial) pairs: sampling error alone is about
 * 0.45 points), and the counts add up to the reports. K = 121 in S = 4 segments (one segment shorter, so its last
 * position is padding no device votes for), eps = 2, 100,000 devices choosing by Zipf(1.1) within their segment.
 */
class SegmentedEstimatesTest {
  private static final int K = 121;
  private static final int SEGMENTS = 4;
  private static final int DEVICES = 100_000;
  private static final int TRIALS = 20;

  @ParameterizedTest
  @EnumSource(value = OracleKind.class, names = {"OLH", "OUE", "SS", "GRR"})
  void intervalsCoverTheTrueCountsAndCountsSumToTheReports(OracleKind kind) {
    SegmentLayout plan = new SegmentLayout(K, SEGMENTS);
    FrequencyOracle oracle = FrequencyOracle.of(OracleConfig.withDefaults(kind, 2, plan.segmentDomain()));
    long covered = IntStream.range(0, TRIALS).parallel().mapToLong(trial -> {
      SplittableRandom rng = new SplittableRandom(100L + trial);
      OracleAggregator[] aggregators = new OracleAggregator[SEGMENTS];
      Weights[] choice = new Weights[SEGMENTS];
      for (int s = 0; s < SEGMENTS; s++) {
        aggregators[s] = oracle.newAggregator();
        choice[s] = Weights.zipf(IntStream.range(0, plan.segmentSize(s)).toArray(), 1.1);
      }
      long[] truth = new long[K];
      for (int d = 0; d < DEVICES; d++) {
        int s = plan.segmentOfReport(UploadRecord.reportId(rng.nextLong(), rng.nextLong()));
        int position = choice[s].draw(rng);
        truth[plan.candidate(s, position)]++;
        aggregators[s].add(oracle.randomize(position, rng));
      }
      FrequencyEstimates[] perSegment = new FrequencyEstimates[SEGMENTS];
      for (int s = 0; s < SEGMENTS; s++) {
        perSegment[s] = FrequencyEstimator.estimate(aggregators[s]);
      }
      FrequencyEstimates e = SegmentedEstimates.combine(plan, perSegment);
      assertEquals(DEVICES, e.reports());
      double sum = 0;
      double variance = 0;
      for (int i = 0; i < K; i++) {
        sum += e.estimate(i);
        variance += e.variances()[i];
      }
      // Without the padding position the counts sum to the reports, up to noise (5 standard errors, loosely).
      assertEquals(DEVICES, sum, 5 * Math.sqrt(variance) + 1, "sum of counts");
      return IntStream.range(0, K)
          .filter(i -> truth[i] >= e.lower(i, FrequencyEstimates.Z95) && truth[i] <= e.upper(i, FrequencyEstimates.Z95))
          .count();
    }).sum();
    double coverage = (double) covered / ((long) TRIALS * K);
    assertTrue(coverage >= 0.935 && coverage <= 0.965, kind + ": coverage " + coverage);
  }

  @Test
  void aSegmentWithoutReportsEstimatesItsCandidatesAtZeroAndSizesMustMatch() {
    SegmentLayout plan = new SegmentLayout(6, 2);
    FrequencyEstimates one = new FrequencyEstimates(10, new double[] {4, 5, 1}, new double[] {1, 1, 1});
    FrequencyEstimates e = SegmentedEstimates.combine(plan, new FrequencyEstimates[] {one, null});
    assertEquals(10, e.reports());
    assertEquals(4, e.estimate(0));
    assertEquals(0, e.estimate(1));
    assertEquals(0, e.standardError(1));
    assertEquals(5, e.estimate(2));
    FrequencyEstimates shorter = new FrequencyEstimates(10, new double[] {4, 5}, new double[] {1, 1});
    assertThrows(IllegalArgumentException.class,
        () -> SegmentedEstimates.combine(plan, new FrequencyEstimates[] {shorter, null}));
    assertThrows(IllegalArgumentException.class, () -> SegmentedEstimates.combine(plan, new FrequencyEstimates[1]));
  }
}
