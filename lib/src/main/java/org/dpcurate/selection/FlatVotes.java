package org.dpcurate.selection;

import java.util.List;

/**
 * Whether a round's votes are flat: its selected candidates hold less than half of the estimated votes, so the
 * selection says little about most of the population. Then the rest of the votes went to candidates no one of
 * which stands out, which is what a pool far from the devices' messages looks like (a public pool of another
 * domain): the curated set, and refinement, must follow the estimates beyond the selection.
 */
public final class FlatVotes {
  /** Below this share of the votes held by the selected candidates, a round's votes are flat. */
  public static final double SELECTED_SHARE_BELOW = 0.5;

  private FlatVotes() {}

  /** The share of the votes the selected candidates hold: their estimated shares summed. */
  public static double selectedShare(List<RankedCandidate> ranking) {
    return ranking.stream().filter(RankedCandidate::selected).mapToDouble(RankedCandidate::share).sum();
  }

  /** Whether {@code ranking}'s selection holds less than {@link #SELECTED_SHARE_BELOW} of the votes. */
  public static boolean flat(List<RankedCandidate> ranking) {
    return !ranking.isEmpty() && selectedShare(ranking) < SELECTED_SHARE_BELOW;
  }

  /**
   * How many of the last rounds a curated set pools: the last round, and before it, as long as their votes were
   * flat too, up to {@code maxRounds} in all. A round whose votes are not flat stands alone.
   *
   * @param rankings the rounds' rankings, oldest first
   */
  public static int trailingFlatRounds(List<List<RankedCandidate>> rankings, int maxRounds) {
    int n = 0;
    for (int i = rankings.size() - 1; i >= 0 && n < maxRounds && flat(rankings.get(i)); i--) {
      n++;
    }
    return Math.max(1, Math.min(n, rankings.size()));
  }
}
