package org.dpcurate.evaluation;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.dpcurate.embedding.SymmetricEigen;

/**
 * Frechet distance between Gaussians fitted to two sets of embeddings (FID computed on sentence embeddings):
 * |mu_r - mu_s|^2 + tr(S_r) + tr(S_s) - 2 tr((S_r^1/2 S_s S_r^1/2)^1/2). The reference (real) side is fitted
 * once; each compared set may carry weights (a curated set weighted by estimated share). 0 for identical
 * distributions; lower is closer.
 */
public final class FrechetDistance {
  private final double[] mean;
  private final double trace;
  private final RealMatrix sqrtCovariance;

  private FrechetDistance(double[] mean, RealMatrix covariance) {
    this.mean = mean;
    this.trace = covariance.getTrace();
    this.sqrtCovariance = sqrtPsd(covariance);
  }

  /** The reference distribution: {@code real} embeddings, equally weighted. */
  public static FrechetDistance reference(float[][] real) {
    double[] w = new double[real.length];
    java.util.Arrays.fill(w, 1.0 / real.length);
    double[] mu = mean(real, w);
    return new FrechetDistance(mu, covariance(real, w, mu));
  }

  /** Distance from the reference to {@code set} with {@code weights} (normalized here; need not sum to 1). */
  public double to(float[][] set, double[] weights) {
    if (set.length == 0) {
      throw new IllegalArgumentException("empty set");
    }
    if (set[0].length != mean.length) {
      throw new IllegalArgumentException("dimensions differ: " + set[0].length + " vs " + mean.length);
    }
    double[] w = normalized(weights);
    double[] mu = mean(set, w);
    RealMatrix cov = covariance(set, w, mu);
    double meanTerm = 0;
    for (int i = 0; i < mu.length; i++) {
      meanTerm += (mu[i] - mean[i]) * (mu[i] - mean[i]);
    }
    RealMatrix inner = sqrtCovariance.multiply(cov).multiply(sqrtCovariance);
    double crossTrace = 0;
    for (double ev : SymmetricEigen.of(symmetrized(inner)).values()) {
      crossTrace += Math.sqrt(Math.max(ev, 0));
    }
    return Math.max(0, meanTerm + trace + cov.getTrace() - 2 * crossTrace);
  }

  private static double[] normalized(double[] weights) {
    double total = 0;
    for (double x : weights) {
      if (!(x >= 0)) {
        throw new IllegalArgumentException("weights must be >= 0, got " + x);
      }
      total += x;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("weights sum to 0");
    }
    double[] w = new double[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights[i] / total;
    }
    return w;
  }

  private static double[] mean(float[][] x, double[] w) {
    double[] mu = new double[x[0].length];
    for (int n = 0; n < x.length; n++) {
      for (int i = 0; i < mu.length; i++) {
        mu[i] += w[n] * x[n][i];
      }
    }
    return mu;
  }

  private static RealMatrix covariance(float[][] x, double[] w, double[] mu) {
    int d = mu.length;
    double[][] c = new double[d][d];
    double[] centred = new double[d];
    for (int n = 0; n < x.length; n++) {
      if (w[n] == 0) {
        continue;
      }
      for (int i = 0; i < d; i++) {
        centred[i] = x[n][i] - mu[i];
      }
      for (int i = 0; i < d; i++) {
        double a = w[n] * centred[i];
        double[] row = c[i];
        for (int j = i; j < d; j++) {
          row[j] += a * centred[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        c[i][j] = c[j][i];
      }
    }
    return new Array2DRowRealMatrix(c, false);
  }

  /** The symmetric square root of a positive semi-definite matrix (negative round-off eigenvalues clipped). */
  private static RealMatrix sqrtPsd(RealMatrix m) {
    SymmetricEigen e = SymmetricEigen.of(symmetrized(m));
    RealMatrix v = e.vectors();
    double[] ev = e.values();
    int d = ev.length;
    double[][] scaled = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        scaled[i][k] = v.getEntry(i, k) * Math.sqrt(Math.max(ev[k], 0));
      }
    }
    return new Array2DRowRealMatrix(scaled, false).multiply(v.transpose());
  }

  private static RealMatrix symmetrized(RealMatrix m) {
    return m.add(m.transpose()).scalarMultiply(0.5);
  }
}
