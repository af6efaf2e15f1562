package org.dpcurate.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassificationScoresTest {
  @Test
  void accuracyAndMacroF1ByHand() {
    // Class 0: tp 2, true 3, predicted 2 -> F1 4/5. Class 1: tp 1, true 1, predicted 2 -> 2/3. Class 2: never.
    int[] truth = {0, 0, 0, 1};
    int[] predicted = {0, 0, 1, 1};
    ClassificationScores s = ClassificationScores.of(truth, predicted, 3);
    assertEquals(0.75, s.accuracy(), 1e-12);
    assertEquals((4.0 / 5 + 2.0 / 3) / 2, s.macroF1(), 1e-12);
  }

  @Test
  void aClassOnlyPredictedCountsAsZeroF1() {
    ClassificationScores s = ClassificationScores.of(new int[] {0, 0}, new int[] {0, 1}, 2);
    assertEquals(0.5, s.accuracy(), 1e-12);
    assertEquals((2.0 / 3 + 0) / 2, s.macroF1(), 1e-12);
  }

  @Test
  void refusesMismatchedOrEmptyInput() {
    assertThrows(IllegalArgumentException.class, () -> ClassificationScores.of(new int[] {0}, new int[0], 1));
    assertThrows(IllegalArgumentException.class, () -> ClassificationScores.of(new int[0], new int[0], 1));
  }
}
