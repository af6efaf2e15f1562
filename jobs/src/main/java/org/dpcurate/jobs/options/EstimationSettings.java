package org.dpcurate.jobs.options;

import org.dpcurate.accounting.Accounting;
import org.dpcurate.estimation.Decoding;
import org.dpcurate.selection.Selection;

/**
 * How a date's reports become its ranking: selection, the share of invalid reports tolerated, decoding, the
 * exactly-once check on report ids, and the privacy policy the round is accounted under; and how the ranking
 * becomes the curated training set (the cosine at which near-duplicates merge, 1: never; how many trailing rounds of
 * flat votes the table pools, 1: the last round alone).
 */
public record EstimationSettings(Selection selection, double maxRejectedShare, Decoding decoding,
    boolean checkDuplicates, Accounting privacy, double curatedNearDuplicate, int curatedFlatRounds) {

  /** The same settings under other accounting (simulation variants). */
  public EstimationSettings withPrivacy(Accounting policy) {
    return new EstimationSettings(selection, maxRejectedShare, decoding, checkDuplicates, policy,
        curatedNearDuplicate, curatedFlatRounds);
  }
}
