package org.dpcurate.synthesis;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** A finite discrete distribution by cumulative weights; draws are O(log n). */
public final class Weights implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] cumulative;

  public Weights(double[] weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("weights must not be empty");
    }
    cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("weights must be finite and >= 0, got: " + Arrays.toString(weights));
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights must not all be 0");
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  public static Weights uniform(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return new Weights(w);
  }

  /** Zipf(s) weights 1/(r+1)^s assigned to the items in the order given by {@code ranking}. */
  public static Weights zipf(int[] ranking, double s) {
    double[] w = new double[ranking.length];
    for (int r = 0; r < ranking.length; r++) {
      w[ranking[r]] = 1 / Math.pow(r + 1, s);
    }
    return new Weights(w);
  }

  /** Parses "name:weight,name:weight" against the allowed names; missing names get weight 0. */
  public static Weights parse(String key, String spec, List<String> names) {
    double[] w = new double[names.size()];
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split(":");
      int i = kv.length == 2 ? names.indexOf(kv[0].trim()) : -1;
      if (i < 0) {
        throw new IllegalArgumentException(
            key + " must be name:weight pairs over " + names + ", got: '" + part.trim() + "'");
      }
      try {
        w[i] = Double.parseDouble(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + ": weight of " + kv[0].trim() + " is not a number: " + kv[1], e);
      }
    }
    try {
      return new Weights(w);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
  }

  public int size() {
    return cumulative.length;
  }

  public double probability(int i) {
    return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
  }

  public int draw(RandomGenerator rng) {
    double u = rng.nextDouble();
    int i = Arrays.binarySearch(cumulative, u);
    i = i >= 0 ? i + 1 : -i - 1;
    return Math.min(i, cumulative.length - 1);
  }

  /** A seeded permutation of 0..n-1. */
  public static int[] shuffled(int n, RandomGenerator rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
