package org.dpcurate.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Against the closed form on sets whose moments are exact: the 2d points +-a_i e_i (shifted by m) have mean m and
 * covariance diag(a_i^2 / d), so between two such sets FD = |m1 - m2|^2 + sum_i (a_i - b_i)^2 / d.
 */
class FrechetDistanceTest {
  private static float[][] axisSet(double[] scale, double[] shift) {
    int d = scale.length;
    float[][] out = new float[2 * d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        out[2 * i][j] = (float) shift[j];
        out[2 * i + 1][j] = (float) shift[j];
      }
      out[2 * i][i] += (float) scale[i];
      out[2 * i + 1][i] -= (float) scale[i];
    }
    return out;
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  @Test
  void matchesTheClosedFormForDiagonalGaussians() {
    double[] a = {1.0, 0.5, 0.25, 2.0};
    double[] b = {0.5, 0.5, 1.0, 1.0};
    double[] m = {0.3, -0.2, 0.0, 0.1};
    FrechetDistance fd = FrechetDistance.reference(axisSet(a, new double[4]));
    double expected = 0;
    for (int i = 0; i < 4; i++) {
      expected += m[i] * m[i] + (a[i] - b[i]) * (a[i] - b[i]) / 4;
    }
    assertEquals(expected, fd.to(axisSet(b, m), ones(8)), 1e-6);
  }

  @Test
  void isZeroForTheReferenceItselfAndWeightsActAsRepetition() {
    SplittableRandom rng = new SplittableRandom(3);
    float[][] x = new float[200][8];
    for (float[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) rng.nextGaussian();
      }
    }
    FrechetDistance fd = FrechetDistance.reference(x);
    assertEquals(0, fd.to(x, ones(x.length)), 1e-6);
    float[][] twoPoints = {x[0], x[1]};
    float[][] repeated = {x[0], x[0], x[1]};
    assertEquals(fd.to(repeated, ones(3)), fd.to(twoPoints, new double[] {2, 1}), 1e-9);
  }

  @Test
  void refusesEmptySetsWrongDimensionsAndNegativeWeights() {
    FrechetDistance fd = FrechetDistance.reference(axisSet(new double[] {1, 1}, new double[2]));
    assertThrows(IllegalArgumentException.class, () -> fd.to(new float[0][], new double[0]));
    assertThrows(IllegalArgumentException.class, () -> fd.to(new float[][] {{1, 2, 3}}, ones(1)));
    assertThrows(IllegalArgumentException.class, () -> fd.to(new float[][] {{1, 2}}, new double[] {-1}));
  }

  /**
   * Fewer points than dimensions (a small held-out split of sentence embeddings): both covariances are singular,
   * which a QL eigen-iteration may fail to converge on; the distance is still the closed form's. Here the sets lie
   * in a 2-d plane of 384 dimensions, so the embedded axis sets' closed form holds.
   */
  @Test
  void fewerPointsThanDimensionsStillGiveTheClosedForm() {
    int d = 384;
    SplittableRandom rng = new SplittableRandom(7);
    double[] a = {1.0, 0.5};
    double[] b = {0.5, 1.5};
    double[] m = {0.2, -0.1};
    float[][] ref = embedded(axisSet(a, new double[2]), d);
    float[][] set = embedded(axisSet(b, m), d);
    FrechetDistance fd = FrechetDistance.reference(ref);
    double expected = 0;
    for (int i = 0; i < 2; i++) {
      expected += m[i] * m[i] + (a[i] - b[i]) * (a[i] - b[i]) / 2;
    }
    assertEquals(expected, fd.to(set, ones(set.length)), 1e-6);
    // And unit vectors around a common direction, as sentence embeddings are: 93 of them in 384 dimensions.
    float[][] cloud = new float[93][d];
    for (float[] row : cloud) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        row[j] = (float) ((j < 8 ? 0.3 : 0) + 0.05 * rng.nextGaussian());
        norm += row[j] * row[j];
      }
      for (int j = 0; j < d; j++) {
        row[j] /= (float) Math.sqrt(norm);
      }
    }
    FrechetDistance fromCloud = FrechetDistance.reference(cloud);
    assertEquals(0, fromCloud.to(cloud, ones(cloud.length)), 1e-6);
  }

  /** {@code x}'s points in the first coordinates of {@code d} dimensions. */
  private static float[][] embedded(float[][] x, int d) {
    float[][] out = new float[x.length][d];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], 0, out[i], 0, x[i].length);
    }
    return out;
  }
}
