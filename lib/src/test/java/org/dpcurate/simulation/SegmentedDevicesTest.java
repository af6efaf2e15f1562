package org.dpcurate.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.download.DownloadPlan;
import org.dpcurate.embedding.HashedNgramEmbedder;
import org.dpcurate.embedding.Vectors;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Simulated devices of a segmented round vote within the segment their report id falls in, report the vote's
 * position there, and a fake device lands in its target's segment.
 */
class SegmentedDevicesTest {
  private static final int K = 40;
  private static PrivatePopulation population;
  private static float[][] candidates;

  @BeforeAll
  static void population() {
    HashedNgramEmbedder embedder = HashedNgramEmbedder.plain();
    population = PrivatePopulation.generate(PopulationConfig.defaults().withDistinctMessages(400), embedder, 3);
    SplittableRandom rng = new SplittableRandom(4);
    candidates = new float[K][embedder.dimension()];
    for (float[] c : candidates) {
      for (int j = 0; j < c.length; j++) {
        c[j] = (float) rng.nextGaussian();
      }
      Vectors.normalize(c);
    }
  }

  @Test
  void aDeviceVotesInTheSegmentOfItsReportIdAndReportsThePosition() {
    DownloadPlan plan = new DownloadPlan(K, candidates[0].length, 3);
    DeviceSimulator devices = new DeviceSimulator(population, candidates, plan, 1, 9, 1);
    // eps = infinity: the report is the position itself.
    FrequencyOracle exact = FrequencyOracle.of(OracleConfig.grr(Double.POSITIVE_INFINITY, plan.segmentDomain()));
    int[] votesBySegment = new int[3];
    for (long d = 0; d < 3000; d++) {
      DeviceSimulator.DeviceOutput out = devices.simulate(d, exact);
      int segment = plan.layout().segmentOfReport(UploadRecord.reportId(out.reportIdHigh(), out.reportIdLow()));
      assertEquals(segment, plan.layout().segmentOf(out.vote()), "device " + d);
      assertEquals(plan.layout().positionOf(out.vote()), out.report().value(), "device " + d);
      votesBySegment[segment]++;
    }
    for (int s = 0; s < 3; s++) {
      assertTrue(votesBySegment[s] > 850, "segment " + s + ": " + votesBySegment[s]);
    }
  }

  @Test
  void aFakeDeviceDrawsIdsUntilItLandsInItsTargetsSegment() {
    DownloadPlan plan = new DownloadPlan(K, candidates[0].length, 3);
    DeviceSimulator devices = new DeviceSimulator(population, candidates, plan, 1, 9, 1);
    FrequencyOracle oracle = FrequencyOracle.of(OracleConfig.withDefaults(OracleKind.OLH, 2, plan.segmentDomain()));
    int target = 17;
    for (long d = 0; d < 200; d++) {
      DeviceSimulator.DeviceOutput out = devices.simulateFake(d, oracle, target);
      assertEquals(plan.layout().segmentOf(target),
          plan.layout().segmentOfReport(UploadRecord.reportId(out.reportIdHigh(), out.reportIdLow())));
      assertTrue(oracle.supports(out.report(), plan.layout().positionOf(target)));
    }
  }
}
