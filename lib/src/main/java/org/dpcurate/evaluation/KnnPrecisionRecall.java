package org.dpcurate.evaluation;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Improved precision and recall of a generated set against real data (Kynkaanniemi et al., NeurIPS 2019): each
 * set's manifold is the union of balls around its points, of radius the distance to the point's k-th nearest
 * neighbour within the set. Precision is the (weighted) share of generated points inside the real manifold -
 * is what was curated realistic; recall the share of real points inside the generated manifold - is every kind
 * of real message covered. Euclidean distance on unit embeddings.
 */
public final class KnnPrecisionRecall {
  public static final int DEFAULT_K = 3;

  private final float[][] real;
  private final double[] realRadius;
  private final int k;

  /** Fits the real manifold once; {@code real} needs more than {@code k} points. */
  public KnnPrecisionRecall(float[][] real, int k) {
    if (k < 1 || real.length <= k) {
      throw new IllegalArgumentException("need k >= 1 and more than k real points, got k=" + k + ", "
          + real.length + " points");
    }
    this.real = real;
    this.k = k;
    this.realRadius = radii(real, k);
  }

  public record Result(double precision, double recall) {}

  /** Precision (weighted by {@code weights}) and recall of {@code generated}. */
  public Result of(float[][] generated, double[] weights) {
    if (generated.length == 0) {
      return new Result(Double.NaN, 0);
    }
    double total = Arrays.stream(weights).sum();
    double inside = IntStream.range(0, generated.length).parallel()
        .mapToDouble(g -> withinAny(generated[g], real, realRadius) ? weights[g] : 0).sum();
    double precision = total > 0 ? inside / total : Double.NaN;
    if (generated.length <= k) {
      // Too few points for a k-th neighbour: the generated manifold is undefined, so it covers nothing.
      return new Result(precision, 0);
    }
    double[] generatedRadius = radii(generated, k);
    long covered = IntStream.range(0, real.length).parallel()
        .filter(r -> withinAny(real[r], generated, generatedRadius)).count();
    return new Result(precision, (double) covered / real.length);
  }

  private static boolean withinAny(float[] x, float[][] set, double[] radius) {
    for (int i = 0; i < set.length; i++) {
      if (distance(x, set[i]) <= radius[i]) {
        return true;
      }
    }
    return false;
  }

  /** Per point, the distance to its k-th nearest other point of the set. */
  private static double[] radii(float[][] set, int k) {
    double[] out = new double[set.length];
    IntStream.range(0, set.length).parallel().forEach(i -> {
      double[] d = new double[set.length - 1];
      int n = 0;
      for (int j = 0; j < set.length; j++) {
        if (j != i) {
          d[n++] = distance(set[i], set[j]);
        }
      }
      Arrays.sort(d);
      out[i] = d[k - 1];
    });
    return out;
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double t = a[i] - b[i];
      s += t * t;
    }
    return Math.sqrt(s);
  }
}
