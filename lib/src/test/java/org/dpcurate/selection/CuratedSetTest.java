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
  void withLabelsTheRestIsSplitWithinEachLabel() {
    // Labels a, a, b, b, b, a: the unselected of a (index 1 and 5) hold 0.3 together, those of b (3, 4) hold 0.1.
    List<RankedCandidate> ranking = ranking(new double[] {0.4, 0.25, 0.2, 0.06, 0.04, 0.05}, 1);
    ranking.set(2, row(2, 0.2, true));
    String[] labels = {"a", "a", "b", "b", "b", "a"};
    double[] w = CuratedSet.of(ranking, labels).weights();
    double[] expected = {0.4, 0.15, 0.2, 0.05, 0.05, 0.15};
    for (int i = 0; i < w.length; i++) {
      assertEquals(expected[i], w[i], 1e-12, "member " + i);
    }
    double[] pooled = CuratedSet.of(ranking).weights();
    assertEquals(0.1, pooled[1], 1e-12, "without labels the 0.4 left is split over all four");
    assertEquals(0.1, pooled[3], 1e-12);
    double[] oneLabel = CuratedSet.of(ranking, new String[] {"a", "a", "a", "a", "a", "a"}).weights();
    for (int i = 0; i < w.length; i++) {
      assertEquals(pooled[i], oneLabel[i], 0, "one label is no labels, digit for digit");
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

  @Test
  void nearDuplicatesOfALabelMergeIntoTheHeaviestAndTheWeightsStillSumToOne() {
    // Members 0, 2 and 3 are near one another (cosine >= 0.9); 3 has another label; 1 and 4 point elsewhere.
    float[][] e = {unit(1, 0, 0), unit(0, 1, 0), unit(1, 0.3f, 0), unit(1, 0.1f, 0), unit(0, 0, 1)};
    String[] labels = {"a", "a", "a", "b", "a"};
    CuratedSet set = CuratedSet.of(ranking(new double[] {0.5, 0.2, 0.1, 0.15, 0.05}, 2))
        .withNearDuplicatesMerged(e, labels, 0.9);
    List<CuratedSet.Member> m = set.members();
    assertEquals(List.of(0, 1, 3, 4), m.stream().map(x -> x.ranked().index()).toList(), "ranking order");
    // Unselected members share 0.3 evenly (0.1 each): member 2's weight joins member 0's.
    assertEquals(0.5 + 0.1, m.get(0).weight(), 1e-12);
    assertEquals(2, m.get(0).represents());
    assertEquals(1, m.get(2).represents(), "another label's near-duplicate stays");
    assertEquals(1.0, java.util.Arrays.stream(set.weights()).sum(), 1e-12);
    // Without labels, member 3 merges too; at similarity 1 nothing does.
    assertEquals(3, CuratedSet.of(ranking(new double[] {0.5, 0.2, 0.1, 0.15, 0.05}, 2))
        .withNearDuplicatesMerged(e, null, 0.9).members().size());
    assertEquals(5, CuratedSet.of(ranking(new double[] {0.5, 0.2, 0.1, 0.15, 0.05}, 2))
        .withNearDuplicatesMerged(e, labels, 1.0).members().size());
  }

  @Test
  void pooledRoundsWeighTheirSetsEquallyOverThePoolsLaidEndToEnd() {
    CuratedSet first = CuratedSet.of(ranking(new double[] {0.6, 0.3, 0.1}, 1));
    CuratedSet second = CuratedSet.of(ranking(new double[] {0.4, 0.4, 0.2, 0}, 2));
    CuratedSet alone = CuratedSet.pooled(List.of(second), new int[] {0});
    assertEquals(second.members(), alone.members(), "one round pooled is that round's set, digit for digit");

    CuratedSet pooled = CuratedSet.pooled(List.of(first, second), new int[] {0, 3});
    assertEquals(first.members().size() + second.members().size(), pooled.members().size());
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), pooled.members().stream().map(m -> m.ranked().index()).toList(),
        "the second round's indices follow the first round's pool");
    double[] w = pooled.weights();
    for (int i = 0; i < first.members().size(); i++) {
      assertEquals(first.weights()[i] / 2, w[i], 1e-15);
    }
    assertEquals(second.weights()[0] / 2, w[3], 1e-15);
    assertEquals(1.0, java.util.Arrays.stream(w).sum(), 1e-12);

    // A candidate carried over from the first round into the second (the same embedding) becomes one row.
    float[][] e = {unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1), unit(1, 0, 0), unit(1, 1, 0), unit(0, 1, 1),
        unit(1, 0, 1)};
    CuratedSet merged = pooled.withNearDuplicatesMerged(e, null, 0.99);
    assertEquals(6, merged.members().size());
    assertEquals(0.6 / 2 + 0.4 / 2, merged.members().get(0).weight(), 1e-12);
    assertEquals(2, merged.members().get(0).represents());
  }

  @Test
  void onlyTrailingRoundsOfFlatVotesArePooled() {
    List<RankedCandidate> flat = ranking(new double[] {0.3, 0.3, 0.4}, 1);
    List<RankedCandidate> concentrated = ranking(new double[] {0.7, 0.2, 0.1}, 1);
    assertEquals(1, FlatVotes.trailingFlatRounds(List.of(flat, flat, concentrated), 5),
        "a last round of concentrated votes stands alone");
    assertEquals(2, FlatVotes.trailingFlatRounds(List.of(flat, concentrated, flat, flat), 5));
    assertEquals(4, FlatVotes.trailingFlatRounds(List.of(flat, flat, flat, flat), 5));
    assertEquals(3, FlatVotes.trailingFlatRounds(List.of(flat, flat, flat, flat), 3), "at most the cap");
    assertEquals(1, FlatVotes.trailingFlatRounds(List.of(flat, flat), 1));
  }

  private static float[] unit(float... v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(n));
    }
    return out;
  }
}
