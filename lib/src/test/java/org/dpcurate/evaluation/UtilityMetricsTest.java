package org.dpcurate.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UtilityMetricsTest {
  private static UtilityMetrics accuracy(double a) {
    return new UtilityMetrics(10, a, a, a, 0, 1, 1, Double.NaN);
  }

  @Test
  void gapClosedRunsFromTheInitialPoolToThePrivateData() {
    UtilityMetrics initial = accuracy(0.6);
    UtilityMetrics upper = accuracy(0.9);
    assertEquals(0.0, initial.withGapClosed(initial, upper).gapClosed(), 1e-12);
    assertEquals(1.0, upper.withGapClosed(initial, upper).gapClosed(), 1e-12);
    assertEquals(0.5, accuracy(0.75).withGapClosed(initial, upper).gapClosed(), 1e-12);
    assertEquals(-1.0 / 3, accuracy(0.5).withGapClosed(initial, upper).gapClosed(), 1e-12);
  }

  @Test
  void noGapMeansNoShareOfIt() {
    assertTrue(Double.isNaN(accuracy(0.8).withGapClosed(accuracy(0.9), accuracy(0.9)).gapClosed()));
  }
}
