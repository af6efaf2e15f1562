package org.dpcurate.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CuratedSetTest {
  /** A ranking row with {@code share}; {@code selected} rows are significant too. */
  private static RankedCandidate row(int index, double share, boolean selected) {
    return new RankedCandidate(index, share * 1000, 10, share * 1000 - 20, share * 1000 + 20, share,
        selected ? 1e-9 : 0.5, index + 1, selected, selected);
  }

  private static List<RankedCandidate> ranking(double[] shares, int selected) {
    List<RankedCandidate> rows = new ArrayList<>();
    for (int i = 0; i < shares.length; i++) {
      rows.add(row(i, shares[i], i < selected));
    }
    return rows;
  }

  @Test
  void selectedKeepTheirSharesAndTheRestIsSplitEvenly() {
    // Norm-Sub shares: the four unselected candidates hold 0.2 between them, whatever each one's noise says.
    CuratedSet set = CuratedSet.of(ranking(new double[] {0.5, 0.2, 0.1, 0.15, 0.05, 0, 0}, 3));
    List<CuratedSet.Member> members = set.members();
    assertEquals(7, members.size());
    double[] w = set.weights();
    double[] expected = {0.5, 0.2, 0.1, 0.05, 0.05, 0.05, 0.05};
    for (int i = 0; i < w.length; i++) {
      assertEquals(expected[i], w[i], 1e-12, "member " + i);
      assertEquals(i, members.get(i).ranked().index(), "ranking order");
    }
  }

  @Test
  void aNoiseFreeRoundLeavesOutEveryCandidateNobodyChose() {
    List<CuratedSet.Member> members = CuratedSet.of(ranking(new double[] {0.6, 0.3, 0.1, 0, 0}, 3)).members();
    assertEquals(3, members.size());
    assertEquals(0.6, members.get(0).weight(), 1e-12);
    assertEquals(0.1, members.get(2).weight(), 1e-12);
  }

  @Test
  void sharesThatDoNotSumToOneAreNormalized() {
    // Post-processing none: a negative share counts as 0, and the weights still sum to 1.
    double[] w = CuratedSet.of(ranking(new double[] {0.3, 0.2, 0.1, -0.05}, 2)).weights();
    assertEquals(0.3 / 0.6, w[0], 1e-12);
    assertEquals(0.2 / 0.6, w[1], 1e-12);
    assertEquals(0.05 / 0.6, w[2], 1e-12);
    assertEquals(0.05 / 0.6, w[3], 1e-12);
  }

  @Test
  void withoutAnyPositiveShareEveryCandidateWeighsTheSame() {
    double[] w = CuratedSet.of(ranking(new double[] {0, 0, -0.1, 0}, 0)).weights();
    assertEquals(4, w.length);
    for (double x : w) {
      assertEquals(0.25, x, 1e-12);
    }
  }
}
