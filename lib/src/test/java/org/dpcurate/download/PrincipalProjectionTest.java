package org.dpcurate.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.dpcurate.ProtocolDocument;
import org.dpcurate.embedding.Vectors;
import org.junit.jupiter.api.Test;

class PrincipalProjectionTest {

  private static float[] unit(SplittableRandom rng, int d) {
    float[] v = new float[d];
    for (int i = 0; i < d; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return Vectors.normalize(v);
  }

  private static float[][] units(SplittableRandom rng, int n, int d) {
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      out[i] = unit(rng, d);
    }
    return out;
  }

  @Test
  void packedCodesRoundTripInFiveBitsAValue() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int count : new int[] {1, 7, 8, 153, 384}) {
      int[] values = rng.ints(count, -15, 16).toArray();
      byte[] packed = PrincipalProjection.pack(values);
      assertEquals((count * 5 + 7) / 8, packed.length);
      assertArrayEquals(values, PrincipalProjection.unpack(packed, count));
    }
    assertThrows(IllegalArgumentException.class, () -> PrincipalProjection.pack(new int[] {16}));
    // 31 is not a value a server writes: a corrupt download is refused, not read as +16.
    assertThrows(IllegalArgumentException.class, () -> PrincipalProjection.unpack(new byte[] {31}, 1));
    assertThrows(IllegalArgumentException.class, () -> PrincipalProjection.unpack(new byte[2], 1));
  }

  /** Points spread along two known directions: the fit finds them, first the wider one, signed by the rule. */
  @Test
  void theFitFindsThePrincipalAxesInOrderWithTheSignRule() {
    int d = 8;
    float[] wide = Vectors.normalize(new float[] {1, -2, 0, 0, 3, 0, 0, 1});
    float[] narrow = Vectors.normalize(new float[] {0, 0, 1, -2, 0, 0, 0, 0});
    SplittableRandom rng = new SplittableRandom(11);
    float[][] x = new float[500][d];
    for (float[] v : x) {
      double a = 3 * rng.nextGaussian();
      double b = rng.nextGaussian();
      for (int i = 0; i < d; i++) {
        v[i] = (float) (0.5 + a * wide[i] + b * narrow[i] + 0.01 * rng.nextGaussian());
      }
    }
    PrincipalProjection p = PrincipalProjection.fit(x, 2);
    float[] first = dequantized(p, 0);
    float[] second = dequantized(p, 1);
    // int8 axes: each component within half a step of the unit axis.
    assertEquals(1, Vectors.dot(first, wide), 0.01);
    assertEquals(-1, Vectors.dot(second, narrow), 0.01, "narrow's largest component (index 3) is negative: flipped");
    assertTrue(first[4] > 0 && second[3] > 0);
    // The mean is the projected centre of the points.
    float[] centre = new float[d];
    for (float[] v : x) {
      for (int i = 0; i < d; i++) {
        centre[i] += v[i] / x.length;
      }
    }
    assertEquals(p.project(centre)[0], p.mean(0), 1e-5);
    assertEquals(p.project(centre)[1], p.mean(1), 1e-5);
  }

  /**
   * A pool of fewer candidates than the embedding has dimensions (93 unit vectors in 384, as sentence embeddings
   * are: around a common direction) has a rank-deficient covariance (a case commons-math's eigen-iteration may
   * not converge on, FrechetDistanceTest): the fit still finds the direction the pool spreads along most.
   */
  @Test
  void aPoolOfFewerCandidatesThanDimensionsIsFitted() {
    int d = 384;
    SplittableRandom rng = new SplittableRandom(7);
    float[] wide = unit(rng, d);
    float[][] x = new float[93][d];
    for (float[] v : x) {
      double a = 0.3 * rng.nextGaussian();
      for (int j = 0; j < d; j++) {
        v[j] = (float) ((j < 8 ? 0.3 : 0) + a * wide[j] + 0.05 * rng.nextGaussian());
      }
      Vectors.normalize(v);
    }
    PrincipalProjection p = PrincipalProjection.fit(x, 2);
    // Normalizing each vector and the noise tilt the first axis a little; the second axis is the noise's.
    assertTrue(Math.abs(Vectors.dot(dequantized(p, 0), wide)) > 0.9);
    assertEquals(0, Vectors.dot(dequantized(p, 0), dequantized(p, 1)), 0.05);
  }

  private static float[] dequantized(PrincipalProjection p, int axis) {
    byte[] q = p.axis(axis);
    float[] out = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      out[i] = p.axisScale(axis) * q[i];
    }
    return out;
  }

  /** A decoded code is the projection to within half a code step on every axis. */
  @Test
  void decodingIsWithinHalfAStepOfTheProjection() {
    SplittableRandom rng = new SplittableRandom(5);
    float[][] pool = units(rng, 300, 32);
    PrincipalProjection p = PrincipalProjection.fit(pool, 12);
    for (float[] c : pool) {
      PrincipalProjection.Code code = p.encode(c);
      float[] projected = p.project(c);
      float[] decoded = p.decode(code);
      for (int a = 0; a < 12; a++) {
        assertTrue(Math.abs(decoded[a] - projected[a]) <= code.scale() / 2 + 1e-6,
            "axis " + a + ": " + decoded[a] + " vs " + projected[a]);
      }
    }
  }

  /**
   * On every axis the device's score is the full dot product: with int8 axes each projection is off by at most
   * |x| * |axis error| <= sqrt(d) * scale / 2, and the codes by half a step.
   */
  @Test
  void onAllAxesTheScoreIsTheDotProductToWithinTheRoundingBounds() {
    SplittableRandom rng = new SplittableRandom(9);
    int d = 16;
    float[][] pool = units(rng, 200, d);
    PrincipalProjection p = PrincipalProjection.fit(pool, d);
    double axisError = 0;
    for (int a = 0; a < d; a++) {
      axisError = Math.max(axisError, Math.sqrt(d) * p.axisScale(a) / 2);
    }
    for (int t = 0; t < 50; t++) {
      float[] x = unit(rng, d);
      float[] c = pool[t];
      PrincipalProjection.Code code = p.encode(c);
      double score = Vectors.dot(p.project(x), p.decode(code));
      // |p(x)| and |p(c)| are at most 1 + d * axisError; each factor's error adds one such term per axis.
      double bound = d * (2 * axisError * (1 + axisError) + code.scale() / 2 * (1 + axisError)) + 1e-4;
      assertEquals(Vectors.dot(x, c), score, bound);
    }
  }

  @Test
  void theFitIsAFunctionOfThePool() {
    SplittableRandom rng = new SplittableRandom(2);
    float[][] pool = units(rng, 100, 24);
    PrincipalProjection a = PrincipalProjection.fit(pool, 6);
    PrincipalProjection b = PrincipalProjection.fit(pool.clone(), 6);
    for (int axis = 0; axis < 6; axis++) {
      assertArrayEquals(a.axis(axis), b.axis(axis));
      assertEquals(a.axisScale(axis), b.axisScale(axis));
      assertEquals(a.mean(axis), b.mean(axis));
    }
    assertArrayEquals(a.encode(pool[7]).packed(), b.encode(pool[7]).packed());
    assertThrows(IllegalArgumentException.class, () -> PrincipalProjection.fit(pool, 25));
    assertThrows(IllegalArgumentException.class, () -> PrincipalProjection.fit(pool, 0));
  }

  /** The pack vectors of docs/protocol.md, read from the document itself. */
  @Test
  void theProtocolsPackVectors() {
    List<String[]> rows = ProtocolDocument.rows(line -> line.startsWith("| pack | `"));
    assertTrue(rows.size() >= 3, "expected the pack vectors table");
    for (String[] r : rows) {
      int[] values = Arrays.stream(r[1].trim().replace("`", "").split(",")).map(String::trim)
          .mapToInt(Integer::parseInt).toArray();
      byte[] packed = HexFormat.of().parseHex(r[2].trim());
      assertArrayEquals(packed, PrincipalProjection.pack(values), r[1]);
      assertArrayEquals(values, PrincipalProjection.unpack(packed, values.length));
    }
  }

  /** The worked scoring example of docs/protocol.md: a projection, a decoded code, its unit scaling, the score. */
  @Test
  void theProtocolsScoringExample() {
    List<String[]> rows = ProtocolDocument.rows(line -> line.startsWith("| score | "));
    assertEquals(1, rows.size(), "expected one scoring example");
    String[] r = rows.get(0);
    String[] axesHex = r[1].trim().replace("`", "").split(" ");
    float[] scales = floats(r[2]);
    float[] means = floats(r[3]);
    byte[][] axes = new byte[axesHex.length][];
    for (int a = 0; a < axes.length; a++) {
      axes[a] = HexFormat.of().parseHex(axesHex[a]);
    }
    PrincipalProjection p = new PrincipalProjection(axes, scales, means);
    float[] x = floats(r[4]);
    PrincipalProjection.Code code = new PrincipalProjection.Code(HexFormat.of().parseHex(r[5].trim()
        .replace("`", "")), Float.parseFloat(r[6].trim()));
    assertArrayEquals(floats(r[7]), p.project(x), 5e-6f);
    assertArrayEquals(floats(r[8]), p.decode(code), 5e-6f);
    assertArrayEquals(floats(r[9]), p.scoringVector(code), 5e-6f);
    assertEquals(Double.parseDouble(r[10].trim()), Vectors.dot(p.project(x), p.scoringVector(code)), 5e-6);
  }

  private static float[] floats(String cell) {
    String[] parts = cell.trim().replace("`", "").replace("(", "").replace(")", "").split(",");
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Float.parseFloat(parts[i].trim());
    }
    return out;
  }
}
