package org.dpcurate.evaluation;

import java.io.Serializable;

/**
 * One round's scores against the simulation's ground truth.
 *
 * @param round 0 is the initial pool before any device feedback
 * @param poolSize candidates in the round
 * @param selected candidates selected as significantly popular (round 0: the whole pool)
 * @param totalVariation TV distance between the weighted topic|language|length mix of the curated set
 *     ({@link org.dpcurate.selection.CuratedSet}) and the private population's
 * @param coverage mean cosine similarity of private messages to their nearest curated candidate
 * @param topKRecall share of the k truly most chosen candidates among the k highest estimates (NaN in round 0)
 * @param meanAbsZ mean |estimate - true count| / standard error over the pool (NaN in round 0)
 * @param intervalCoverage share of candidates whose interval covers the true count (NaN in round 0)
 * @param poolCoverage mean cosine similarity of private messages to their nearest candidate of the whole pool
 */
public record RoundMetrics(int round, int poolSize, int selected, double totalVariation, double coverage,
    double topKRecall, double meanAbsZ, double intervalCoverage, double poolCoverage) implements Serializable {

  /** A set that was not curated by rounds (the private data itself): its size, no round scores. */
  public static RoundMetrics notScored(int size) {
    return notScored(0, size);
  }

  /** A set of {@code size} rows made after {@code round} (rounds pooled): no round scores. */
  public static RoundMetrics notScored(int round, int size) {
    return new RoundMetrics(round, size, size, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN);
  }

  public static String header() {
    return String.format("%5s %6s %8s %8s %9s %9s %9s %9s %9s", "round", "pool", "selected", "tv", "coverage",
        "pool-cov", "recall@k", "mean|z|", "ci-cover");
  }

  public String row() {
    return String.format("%5d %6d %8d %8.4f %9.4f %9.4f %9.3f %9.3f %9.3f", round, poolSize, selected,
        totalVariation, coverage, poolCoverage, topKRecall, meanAbsZ, intervalCoverage);
  }
}
