package org.dpcurate.oracle;

import org.dpcurate.hash.XxHash64;

/**
 * The count-mean read-out of CMS, given per-row debiased bucket sums M[j][x] (each device adds an unbiased
 * indicator of its own bucket to its row): est(d) = m/(m-1) (sum_j M[j][h_j(d)] - n/m). HCMS reads the same sum
 * out of its affine family in the Walsh-Hadamard domain and shares the variance.
 */
final class SketchDecoding {
  private SketchDecoding() {}

  static long rowSeed(long salt, int row) {
    return salt + row;
  }

  static double[] readOut(double[] sums, long n, OracleConfig config) {
    int k = config.sketchRows();
    int m = config.sketchColumns();
    double[] est = new double[config.domainSize()];
    for (int j = 0; j < k; j++) {
      long seed = rowSeed(config.hashSalt(), j);
      int row = j * m;
      for (int d = 0; d < est.length; d++) {
        est[d] += sums[row + XxHash64.bucket(d, seed, m)];
      }
    }
    double scale = m / (m - 1.0);
    for (int d = 0; d < est.length; d++) {
      est[d] = scale * (est[d] - (double) n / m);
    }
    return est;
  }

  /**
   * Var = (m/(m-1))^2 (noise + (1/m)(1-1/m)((n-f) + otherPairs/k)): each other device collides with d w.p. 1/m,
   * and two devices with the same value collide together when they drew the same row (w.p. 1/k).
   */
  static double variance(double noise, long n, double count, double otherPairs, OracleConfig config) {
    double m = config.sketchColumns();
    double scale = m / (m - 1);
    double collision = (1 / m) * (1 - 1 / m) * ((n - count) + otherPairs / config.sketchRows());
    return scale * scale * (noise + collision);
  }
}
