package org.dpcurate.estimation;

import org.dpcurate.client.SegmentLayout;

/**
 * Puts the estimates of a segmented round's segments on one scale. Segment {@code s}'s reports estimate, for each
 * of its positions, how many of the segment's devices voted for that candidate; devices fall into segments by a
 * hash of a random report id, so every segment is an independent random share of the round's devices. A
 * candidate's count estimate is kept as it is (unbiased for the number of the round's devices that voted for it,
 * all of them in its segment), with its segment's variance, and the round's report count is the sum over segments:
 * a candidate's estimated share is then its count over all reports, and shares of all candidates sum to about 1.
 * The estimand differs from an unsegmented round's: a device chooses among its segment's candidates only, so a
 * candidate collects the votes of every device of its segment whose messages are nearest to it among those.
 */
public final class SegmentedEstimates {
  private SegmentedEstimates() {}

  /**
   * The round's estimates by published candidate index; {@code perSegment[s]} is segment {@code s}'s estimates by
   * position, or null when the segment received no valid report (its candidates are then estimated 0 with
   * variance 0, which selection never selects).
   */
  public static FrequencyEstimates combine(SegmentLayout plan, FrequencyEstimates[] perSegment) {
    if (perSegment.length != plan.segments()) {
      throw new IllegalArgumentException("expected estimates of " + plan.segments() + " segments, got "
          + perSegment.length);
    }
    long reports = 0;
    for (int s = 0; s < perSegment.length; s++) {
      if (perSegment[s] != null) {
        if (perSegment[s].size() != plan.segmentDomain()) {
          throw new IllegalArgumentException("segment " + s + " has " + perSegment[s].size()
              + " positions, the plan " + plan.segmentDomain());
        }
        reports += perSegment[s].reports();
      }
    }
    double[] estimates = new double[plan.candidates()];
    double[] variances = new double[plan.candidates()];
    for (int i = 0; i < estimates.length; i++) {
      FrequencyEstimates segment = perSegment[plan.segmentOf(i)];
      if (segment != null) {
        estimates[i] = segment.estimate(plan.positionOf(i));
        variances[i] = segment.variances()[plan.positionOf(i)];
      }
    }
    return new FrequencyEstimates(reports, estimates, variances);
  }
}
