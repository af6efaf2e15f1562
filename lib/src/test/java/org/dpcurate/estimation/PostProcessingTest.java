package org.dpcurate.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PostProcessingTest {
  /** Norm-Sub by bisection on delta: slow but obviously right. */
  private static double[] bisect(double[] est, long total) {
    double lo = Arrays.stream(est).min().orElseThrow() - total - 1;
    double hi = Arrays.stream(est).max().orElseThrow();
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      double sum = Arrays.stream(est).map(e -> Math.max(e - mid, 0)).sum();
      if (sum > total) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double delta = (lo + hi) / 2;
    return Arrays.stream(est).map(e -> Math.max(e - delta, 0)).toArray();
  }

  @Test
  void normSubMatchesBisectionAndSumsToTheTotal() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      int k = 2 + rng.nextInt(60);
      double[] est = new double[k];
      for (int v = 0; v < k; v++) {
        est[v] = rng.nextGaussian() * 100 + (v < 3 ? 400 : 0);
      }
      long total = 1 + rng.nextInt(2_000);
      double[] fast = PostProcessing.NORM_SUB.apply(est, total);
      assertArrayEquals(bisect(est, total), fast, 1e-6);
      assertEquals(total, Arrays.stream(fast).sum(), 1e-6);
      assertTrue(Arrays.stream(fast).allMatch(x -> x >= 0));
    }
  }

  @Test
  void clipOnlyRemovesNegatives() {
    assertArrayEquals(new double[] {0, 2.5, 0}, PostProcessing.CLIP.apply(new double[] {-1, 2.5, 0}, 10));
    assertArrayEquals(new double[] {-1, 2.5}, PostProcessing.NONE.apply(new double[] {-1, 2.5}, 10));
  }

  @Test
  void namesParse() {
    assertEquals(PostProcessing.NORM_SUB, PostProcessing.parse("norm-sub"));
  }
}
