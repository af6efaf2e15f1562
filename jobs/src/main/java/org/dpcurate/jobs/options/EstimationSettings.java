package org.dpcurate.jobs.options;

import org.dpcurate.accounting.Accounting;
import org.dpcurate.estimation.Decoding;
import org.dpcurate.selection.Selection;

/**
 * How a date's reports become its ranking: selection, the share of invalid reports tolerated, decoding, the
 * exactly-once check on report ids, and the privacy policy the round is accounted under; and how the ranking
 * becomes the curated training set (the cosine at which near-duplicates merge, 1: never).
 */
public record EstimationSettings(Selection selection, double maxRejectedShare, Decoding decoding,
    boolean checkDuplicates, Accounting privacy, double curatedNearDuplicate) {

  /** The same settings under other accounting (simulation variants). */
  public EstimationSettings withPrivacy(Accounting policy) {
    return new EstimationSettings(selection, maxRejectedShare, decoding, checkDuplicates, policy,
        curatedNearDuplicate);
  }
}
