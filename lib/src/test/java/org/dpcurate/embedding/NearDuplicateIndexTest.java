package org.dpcurate.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The index answers exactly what one sequential scan over the same label's entries answers. */
class NearDuplicateIndexTest {
  private static final int DIMENSION = 16;

  /** The reference: the latest entry of the label with the highest similarity at or above the threshold. */
  private static int scan(List<String> labels, List<float[]> vectors, String label, float[] e, double min) {
    int best = -1;
    double bestSimilarity = min;
    for (int i = 0; i < vectors.size(); i++) {
      if (!java.util.Objects.equals(labels.get(i), label)) {
        continue;
      }
      double s = NearDuplicateIndex.similarity(e, vectors.get(i), 0);
      if (s >= bestSimilarity) {
        bestSimilarity = s;
        best = i;
      }
    }
    return best;
  }

  private static float[] unit(SplittableRandom rng) {
    return Vectors.perturb(new float[DIMENSION], 1, rng);
  }

  @Test
  void searchesMatchASequentialScanAcrossLabelsChunksAndTies() {
    SplittableRandom rng = new SplittableRandom(7);
    String[] labelChoices = {"a", "b", null};
    List<String> labels = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    NearDuplicateIndex index = new NearDuplicateIndex(DIMENSION);
    // Label "a" grows past the parallel threshold, so its searches run in chunks; every 50th entry repeats an
    // earlier one of its label exactly, so ties must go to the later entry in one scan order.
    int n = NearDuplicateIndex.PARALLEL_ENTRIES * 2 + 500;
    for (int i = 0; i < n; i++) {
      String label = i % 10 == 0 ? labelChoices[1 + (i / 10) % 2] : "a";
      float[] v = i % 50 == 49 ? vectors.get(rng.nextInt(i)).clone() : unit(rng);
      if (i % 50 == 49) {
        label = labels.get(vectors.size() - 1 - rng.nextInt(Math.min(i, 40)));
      }
      assertEquals(i, index.add(label, v));
      labels.add(label);
      vectors.add(v);
    }
    int matched = 0;
    for (int q = 0; q < 300; q++) {
      String label = labelChoices[q % 3];
      float[] e = q % 4 == 0 ? vectors.get(rng.nextInt(n)).clone() : unit(rng);
      for (double min : new double[] {-1, 0.5, 0.99}) {
        int expected = scan(labels, vectors, label, e, min);
        assertEquals(expected, index.mostSimilar(label, e, min), "query " + q + " at " + min);
        matched += expected >= 0 ? 1 : 0;
      }
    }
    assertTrue(matched > 300, "the queries found entries often enough to test something: " + matched);
  }

  @Test
  void anUnknownLabelFindsNothingAndAWrongDimensionIsRefused() {
    NearDuplicateIndex index = new NearDuplicateIndex(DIMENSION);
    float[] v = unit(new SplittableRandom(1));
    index.add("a", v);
    assertEquals(0, index.mostSimilar("a", v, 0.999));
    assertEquals(-1, index.mostSimilar("b", v, -1));
    assertEquals(-1, index.mostSimilar(null, v, -1));
    assertThrows(IllegalArgumentException.class, () -> index.add("a", new float[DIMENSION + 1]));
    assertThrows(IllegalArgumentException.class, () -> index.mostSimilar("a", new float[3], 0));
    assertThrows(IllegalArgumentException.class, () -> new NearDuplicateIndex(0));
  }
}
