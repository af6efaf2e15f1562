package org.dpcurate.refinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.dpcurate.selection.RankedCandidate;
import org.junit.jupiter.api.Test;

class SelectedThenRunnersUpTest {

  /** Rows in rank order with the given estimates; the first {@code selected} are selected. */
  private static List<RankedCandidate> ranking(int selected, double... estimates) {
    List<RankedCandidate> rows = new ArrayList<>();
    for (int i = 0; i < estimates.length; i++) {
      rows.add(new RankedCandidate(i, estimates[i], 10, estimates[i] - 20, estimates[i] + 20,
          Math.max(estimates[i], 0) / 1000, 0.5, i + 1, i < selected, i < selected));
    }
    return rows;
  }

  private static List<Integer> indices(SurvivorPolicy.Survivors s) {
    return s.members().stream().map(RankedCandidate::index).toList();
  }

  @Test
  void theSelectedComeFirstThenPositiveRunnersUpInRankOrder() {
    SurvivorPolicy.Survivors s = new SelectedThenRunnersUp(0.5).choose(ranking(2, 90, 80, 30, 5, -1, -9), 20);
    assertEquals(List.of(0, 1, 2, 3), indices(s));
    assertEquals(2, s.selected());
    assertEquals(2, s.runnersUp());
  }

  @Test
  void theCapCountsTheSelectedToo() {
    // a pool of 8 at a quarter: 2 survivors, both selected, whatever else is positive
    SurvivorPolicy.Survivors s = new SelectedThenRunnersUp(0.25).choose(ranking(3, 90, 80, 70, 60, 50), 8);
    assertEquals(List.of(0, 1), indices(s));
    assertEquals(2, s.selected());
    assertEquals(0, s.runnersUp());
  }

  @Test
  void withNoPositiveEstimateTheBestTwentiethSurvives() {
    double[] estimates = new double[60];
    for (int i = 0; i < estimates.length; i++) {
      estimates[i] = -i;
    }
    SurvivorPolicy.Survivors s = new SelectedThenRunnersUp(0.25).choose(ranking(0, estimates), 60);
    assertEquals(List.of(0, 1, 2), indices(s), "60 / 20");
    assertEquals(0, s.selected());
  }

  @Test
  void theShareIsValidated() {
    for (double bad : new double[] {0, -0.1, 1.01, Double.NaN}) {
      assertThrows(IllegalArgumentException.class, () -> new SelectedThenRunnersUp(bad));
    }
  }
}
