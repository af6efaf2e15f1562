package org.dpcurate.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Clusters with known membership, so the manifolds' answers are known exactly. */
class KnnPrecisionRecallTest {
  /** {@code perCluster} points around each of the given centres, spread 0.01 (clusters are 1 apart). */
  private static float[][] clusters(int[] centres, int perCluster, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] out = new float[centres.length * perCluster][4];
    for (int c = 0; c < centres.length; c++) {
      for (int p = 0; p < perCluster; p++) {
        float[] x = out[c * perCluster + p];
        x[centres[c]] = 1;
        for (int j = 0; j < x.length; j++) {
          x[j] += (float) (0.01 * rng.nextGaussian());
        }
      }
    }
    return out;
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  @Test
  void aSetCoveringHalfTheRealClustersHasFullPrecisionAndHalfRecall() {
    // k-NN balls leave a cluster's edge uncovered, less so the more points: near, not exactly, 1 and 0.5.
    KnnPrecisionRecall pr = new KnnPrecisionRecall(clusters(new int[] {0, 1, 2, 3}, 400, 1), 3);
    KnnPrecisionRecall.Result half = pr.of(clusters(new int[] {0, 1}, 400, 2), ones(800));
    assertTrue(half.precision() > 0.9 && half.precision() <= 1, "precision " + half.precision());
    assertTrue(half.recall() > 0.42 && half.recall() <= 0.5, "recall " + half.recall());
  }

  @Test
  void precisionIsWeightedByTheGeneratedPointsWeights() {
    KnnPrecisionRecall pr = new KnnPrecisionRecall(clusters(new int[] {0, 1}, 100, 1), 3);
    float[][] generated = clusters(new int[] {0, 2}, 10, 3);
    double inRealCluster = pr.of(Arrays.copyOf(generated, 10), ones(10)).precision();
    double[] weights = new double[20];
    Arrays.fill(weights, 0, 10, 3.0);
    Arrays.fill(weights, 10, 20, 1.0);
    // Cluster 2 lies off the real manifold: only cluster 0's points count, with weight 3 of every 4.
    assertEquals(0.75 * inRealCluster, pr.of(generated, weights).precision(), 1e-12);
  }

  @Test
  void aFarAwaySetHasNeitherPrecisionNorRecall() {
    KnnPrecisionRecall pr = new KnnPrecisionRecall(clusters(new int[] {0}, 50, 1), 3);
    KnnPrecisionRecall.Result far = pr.of(clusters(new int[] {3}, 50, 2), ones(50));
    assertEquals(0.0, far.precision());
    assertEquals(0.0, far.recall());
  }
}
