package org.dpcurate.selection;

/**
 * One candidate's row of a round's ranking.
 *
 * @param index the candidate's index in the round's published list
 * @param estimate unbiased count estimate
 * @param stdError its standard error
 * @param ciLow lower end of the two-sided interval
 * @param ciHigh upper end
 * @param share post-processed estimate over the report count (shares over all candidates sum to 1 under
 *     Norm-Sub)
 * @param pValue one-sided p-value of "nobody chose it" (estimate / stdError against a standard normal)
 * @param rank 1 for the highest estimate
 * @param significant passed the false-discovery-controlled test
 * @param selected significant and at least the minimum estimated count
 */
public record RankedCandidate(int index, double estimate, double stdError, double ciLow, double ciHigh,
    double share, double pValue, int rank, boolean significant, boolean selected) {

  /** The same row for the candidate at {@code index} of another list (pools laid end to end). */
  public RankedCandidate withIndex(int index) {
    return new RankedCandidate(index, estimate, stdError, ciLow, ciHigh, share, pValue, rank, significant, selected);
  }
}
