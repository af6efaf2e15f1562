package org.dpcurate.refinement;

import java.util.List;
import org.dpcurate.selection.FlatVotes;
import org.dpcurate.selection.RankedCandidate;

/**
 * How a round's winners become the next pool.
 *
 * @param poolSize K of the next round, >= 2
 * @param maxSurvivorShare at most this share of the pool are survivors, in (0, 1]
 * @param quotaExponent a survivor's variations are in proportion to its share to this power, in (0, 1]: 1 is
 *     Private Evolution's proportional allocation; below 1 moves variations from the most popular survivors to
 *     the less popular ones
 * @param explorationShare this share of the pool is drawn fresh from the generator prior, in [0, 1)
 * @param flatVotesExploration when the votes are {@linkplain FlatVotes flat}, the share drawn fresh rises to the
 *     share of the votes the selection does not hold, up to this, in [0, 1); at or below {@code explorationShare}
 *     it changes nothing
 * @param initialStrength variation strength in round 1, in (0, 1]
 * @param strengthDecay strength multiplier per round, in (0, 1]
 * @param minStrength floor of the strength schedule, in (0, initialStrength]
 * @param duplicateSimilarity a variation this cosine-similar to a pool member is a near-duplicate, in (0, 1]
 */
public record RefinementConfig(int poolSize, double maxSurvivorShare, double quotaExponent, double explorationShare,
    double flatVotesExploration, double initialStrength, double strengthDecay, double minStrength,
    double duplicateSimilarity) {

  public RefinementConfig {
    if (poolSize < 2) {
      throw new IllegalArgumentException("poolSize must be >= 2, got: " + poolSize);
    }
    requireIn("maxSurvivorShare", maxSurvivorShare, 0, false, 1, true);
    requireIn("quotaExponent", quotaExponent, 0, false, 1, true);
    requireIn("explorationShare", explorationShare, 0, true, 1, false);
    requireIn("flatVotesExploration", flatVotesExploration, 0, true, 1, false);
    requireIn("initialStrength", initialStrength, 0, false, 1, true);
    requireIn("strengthDecay", strengthDecay, 0, false, 1, true);
    requireIn("minStrength", minStrength, 0, false, initialStrength, true);
    requireIn("duplicateSimilarity", duplicateSimilarity, 0, false, 1, true);
  }

  private static void requireIn(String name, double v, double lo, boolean loIn, double hi, boolean hiIn) {
    boolean ok = (loIn ? v >= lo : v > lo) && (hiIn ? v <= hi : v < hi);
    if (!ok) {
      throw new IllegalArgumentException(name + " must be in " + (loIn ? "[" : "(") + lo + ", " + hi
          + (hiIn ? "]" : ")") + ", got: " + v);
    }
  }

  /** The default near-duplicate cosine: only variations that barely differ from a pool member are dropped. */
  public static final double DEFAULT_DUPLICATE_SIMILARITY = 0.995;

  /** The default share of a pool drawn fresh: enough to keep exploring, little enough to keep refining. */
  public static final double DEFAULT_EXPLORATION_SHARE = 0.1;

  /**
   * The default cap of the share drawn fresh under flat votes: half the pool still refines the selection. A pool
   * whose selection explains less than half of the votes is far from the devices' messages (a public pool of
   * another domain): there is little to refine and much to find.
   */
  public static final double DEFAULT_FLAT_VOTES_EXPLORATION = 0.5;

  public static RefinementConfig defaults(int poolSize) {
    return new RefinementConfig(poolSize, 0.25, 0.5, DEFAULT_EXPLORATION_SHARE, DEFAULT_FLAT_VOTES_EXPLORATION,
        0.3, 0.7, 0.1,
        DEFAULT_DUPLICATE_SIMILARITY);
  }

  /**
   * The share of the next pool drawn fresh after {@code ranking}: {@code explorationShare}, or, when the votes are
   * flat, the share of the votes outside the selection, between {@code explorationShare} and
   * {@code flatVotesExploration}.
   */
  public double explorationShare(List<RankedCandidate> ranking) {
    if (!FlatVotes.flat(ranking)) {
      return explorationShare;
    }
    return Math.max(explorationShare, Math.min(flatVotesExploration, 1 - FlatVotes.selectedShare(ranking)));
  }

  /** The rule that picks the survivors: the selected, then runners-up with a positive estimate. */
  public SurvivorPolicy survivorPolicy() {
    return new SelectedThenRunnersUp(maxSurvivorShare);
  }

  /** The variation strength for producing round {@code round} (round 1 is the first refined pool). */
  public double strength(int round) {
    return Math.max(minStrength, initialStrength * Math.pow(strengthDecay, Math.max(0, round - 1)));
  }
}
