package org.dpcurate.embedding;

import java.util.random.RandomGenerator;

/** Small dense-vector helpers on float[] embeddings. */
public final class Vectors {
  private Vectors() {}

  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("embedding dimensions differ: " + a.length + " vs " + b.length);
    }
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Scales {@code v} in place to unit length (a zero vector stays zero) and returns it. */
  public static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }

  /** A unit vector at angle-controlled distance from {@code v}: normalize(v + sigma * gaussian / sqrt(d)). */
  public static float[] perturb(float[] v, double sigma, RandomGenerator rng) {
    float[] out = new float[v.length];
    double scale = sigma / Math.sqrt(v.length);
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] + scale * rng.nextGaussian());
    }
    return normalize(out);
  }
}
