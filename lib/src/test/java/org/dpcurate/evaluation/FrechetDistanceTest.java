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
}
