package org.dpcurate.accounting;

import java.util.random.RandomGenerator;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.Report;

/**
 * A statistical audit of a randomizer's local privacy, for randomizers too large to enumerate. For two inputs v and
 * v' it samples reports of each and counts the four events (supports v, supports v'); post-processing cannot raise
 * privacy loss, so for every event E, ln P(E | v) / P(E | v') is at most the true eps. With exact Chernoff bounds
 * (a lower bound on the numerator, an upper bound on the denominator, union bound over 8 directed events) the
 * audit returns an eps that the randomizer provably exceeds with probability at most {@code alpha}. A correct
 * randomizer is therefore reported at or below its claimed eps (except with probability alpha), and a broken one
 * above it.
 */
public final class LdpAuditor {
  private LdpAuditor() {}

  /** Device side under audit: one report of {@code value}. */
  @FunctionalInterface
  public interface Randomizer {
    Report randomize(int value, RandomGenerator rng);
  }

  /** The event a report is counted on. */
  @FunctionalInterface
  public interface Support {
    boolean supports(Report report, int value);
  }

  /**
   * @param epsilonLowerBound ln of the largest lower-bounded ratio over the events
   * @param pointEstimate ln of the same event's observed ratio
   * @param event which (supports v, supports v') cell and direction gave it
   */
  public record Result(double epsilonLowerBound, double pointEstimate, String event) {}

  public static Result audit(FrequencyOracle oracle, int v, int w, int samples, double alpha, RandomGenerator rng) {
    return audit(oracle::randomize, oracle::supports, v, w, samples, alpha, rng);
  }

  public static Result audit(Randomizer randomizer, Support support, int v, int w, int samples, double alpha,
      RandomGenerator rng) {
    if (v == w) {
      throw new IllegalArgumentException("the two inputs must differ, got " + v + " twice");
    }
    if (samples < 100) {
      throw new IllegalArgumentException("samples must be >= 100, got: " + samples);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got: " + alpha);
    }
    long[] fromV = cells(randomizer, support, v, v, w, samples, rng);
    long[] fromW = cells(randomizer, support, w, v, w, samples, rng);
    double delta = alpha / 16; // 8 directed events, two bounds each
    Result best = new Result(0, 0, "none");
    String[] names = {"neither", "only v'", "only v", "both"};
    for (int c = 0; c < 4; c++) {
      for (int dir = 0; dir < 2; dir++) {
        long num = dir == 0 ? fromV[c] : fromW[c];
        long den = dir == 0 ? fromW[c] : fromV[c];
        double low = lowerBound(num, samples, delta);
        double high = upperBound(den, samples, delta);
        if (low <= 0) {
          continue;
        }
        double bound = Math.log(low / high);
        if (bound > best.epsilonLowerBound()) {
          double point = den == 0 ? Double.POSITIVE_INFINITY : Math.log((double) num / den);
          best = new Result(bound, point, names[c] + (dir == 0 ? ", v over v'" : ", v' over v"));
        }
      }
    }
    return best;
  }

  private static long[] cells(Randomizer randomizer, Support support, int input, int v, int w, int samples,
      RandomGenerator rng) {
    long[] cells = new long[4];
    for (int i = 0; i < samples; i++) {
      Report r = randomizer.randomize(input, rng);
      cells[(support.supports(r, v) ? 2 : 0) + (support.supports(r, w) ? 1 : 0)]++;
    }
    return cells;
  }

  /** The smallest p with P(Binomial(n, p) >= k) >= delta, from the Chernoff bound n KL(k/n || p) = ln(1/delta). */
  static double lowerBound(long k, long n, double delta) {
    double observed = (double) k / n;
    if (k == 0) {
      return 0;
    }
    double lo = 0;
    double hi = observed;
    for (int i = 0; i < 100; i++) {
      double mid = (lo + hi) / 2;
      if (n * kl(observed, mid) > Math.log(1 / delta)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The largest p with P(Binomial(n, p) <= k) >= delta (Chernoff). */
  static double upperBound(long k, long n, double delta) {
    double observed = (double) k / n;
    if (k == n) {
      return 1;
    }
    double lo = observed;
    double hi = 1;
    for (int i = 0; i < 100; i++) {
      double mid = (lo + hi) / 2;
      if (n * kl(observed, mid) > Math.log(1 / delta)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /** Kullback-Leibler divergence between Bernoulli(a) and Bernoulli(b). */
  static double kl(double a, double b) {
    double x = a == 0 ? 0 : a * Math.log(a / b);
    double y = a == 1 ? 0 : (1 - a) * Math.log((1 - a) / (1 - b));
    return x + y;
  }
}
