package org.dpcurate.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Int8QuantizationTest {
  private static float[] unit(int d, SplittableRandom rng) {
    float[] v = new float[d];
    for (int i = 0; i < d; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return Vectors.normalize(v);
  }

  @Test
  void everyComponentIsWithinHalfAScaleStep() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int t = 0; t < 200; t++) {
      float[] v = unit(384, rng);
      Int8Quantization.Quantized q = Int8Quantization.quantize(v);
      float[] back = q.dequantize();
      for (int i = 0; i < v.length; i++) {
        assertTrue(Math.abs(v[i] - back[i]) <= q.scale() / 2 + 1e-7, "component " + i);
      }
      assertEquals(384, q.values().length);
    }
    assertEquals(388, Int8Quantization.bytesPerVector(384));
  }

  @Test
  void theNearestCandidateStaysWhenItsMarginExceedsTheErrorBound() {
    SplittableRandom rng = new SplittableRandom(2);
    float[][] candidates = new float[200][];
    Int8Quantization.Quantized[] quantized = new Int8Quantization.Quantized[200];
    double bound = 0;
    for (int c = 0; c < candidates.length; c++) {
      candidates[c] = unit(64, rng);
      quantized[c] = Int8Quantization.quantize(candidates[c]);
      bound = Math.max(bound, quantized[c].dotErrorBound());
    }
    float[][] dequantized = new float[200][];
    for (int c = 0; c < candidates.length; c++) {
      dequantized[c] = quantized[c].dequantize();
    }
    int checked = 0;
    for (int t = 0; t < 2000; t++) {
      float[] query = unit(64, rng);
      float best = Float.NEGATIVE_INFINITY;
      float second = Float.NEGATIVE_INFINITY;
      for (float[] c : candidates) {
        float s = Vectors.dot(query, c);
        if (s > best) {
          second = best;
          best = s;
        } else if (s > second) {
          second = s;
        }
      }
      if (best - second > 2 * bound) {
        checked++;
        int exact = NearestCandidates.search(new float[][] {query}, candidates).index()[0];
        int compact = NearestCandidates.search(new float[][] {query}, dequantized).index()[0];
        assertEquals(exact, compact);
      }
    }
    assertTrue(checked > 100, "enough queries with a clear margin: " + checked);
  }

  @Test
  void theProtocolsExample() {
    Int8Quantization.Quantized q = Int8Quantization.quantize(new float[] {0.6f, -0.8f});
    assertArrayEquals(new byte[] {95, -127}, q.values());
    assertEquals(0.8f / 127f, q.scale());
    assertEquals(0.59843f, q.dequantize()[0], 1e-5f);
  }

  @Test
  void zeroStaysZeroAndNonFiniteIsRefused() {
    Int8Quantization.Quantized z = Int8Quantization.quantize(new float[4]);
    assertArrayEquals(new float[4], z.dequantize());
    assertThrows(IllegalArgumentException.class, () -> Int8Quantization.quantize(new float[] {1, Float.NaN}));
  }
}
