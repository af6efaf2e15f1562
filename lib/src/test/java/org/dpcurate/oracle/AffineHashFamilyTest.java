package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.dpcurate.ProtocolDocument;
import org.dpcurate.hash.XxHash64;
import org.junit.jupiter.api.Test;

/** FLH's affine hash family: the Walsh-Hadamard decode against direct evaluation, its independence, its vectors. */
class AffineHashFamilyTest {

  @Test
  void walshDecodingEqualsDirectSums() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int[] shape : new int[][] {{1, 2, 2}, {7, 4, 3}, {33, 8, 1000}, {64, 64, 1025}, {5, 2, 17}}) {
      int functions = shape[0];
      int g = shape[1];
      int k = shape[2];
      AffineHashFamily family = new AffineHashFamily(rng.nextLong(), functions, g, k);
      long[] counts = new long[functions * g];
      for (int c = 0; c < counts.length; c++) {
        counts[c] = rng.nextInt(1000);
      }
      long[] direct = new long[k];
      for (int v = 0; v < k; v++) {
        for (int i = 0; i < functions; i++) {
          direct[v] += counts[i * g + family.bucket(i, v)];
        }
      }
      assertArrayEquals(direct, family.supports(counts, k), "S=" + functions + " g=" + g + " K=" + k);
    }
  }

  /** OLH: each report's support indicator added as a Walsh spectrum gives exactly the direct support counts. */
  @Test
  void perReportSpectraGiveTheDirectSupports() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int[] shape : new int[][] {{2, 2}, {8, 1000}, {64, 300}, {4, 4097}}) {
      int g = shape[0];
      int k = shape[1];
      int bits = Integer.numberOfTrailingZeros(g);
      long[] spectrum = new long[1 << AffineHashFamily.domainBits(k)];
      AffineHashFamily.Workspace workspace = new AffineHashFamily.Workspace(bits);
      long[] direct = new long[k];
      for (int r = 0; r < 500; r++) {
        long seed = rng.nextLong();
        int y = rng.nextInt(g);
        AffineHashFamily.addSupport(seed, y, spectrum, workspace);
        for (int v = 0; v < k; v++) {
          direct[v] += AffineHashFamily.bucket(v, seed, bits) == y ? 1 : 0;
        }
      }
      assertArrayEquals(direct, AffineHashFamily.supportsFromSpectrum(spectrum, bits, k), "g=" + g + " K=" + k);
    }
  }

  @Test
  void collisionSumsEqualDirectSums() {
    SplittableRandom rng = new SplittableRandom(6);
    int functions = 40;
    int g = 8;
    int k = 300;
    AffineHashFamily family = new AffineHashFamily(3L, functions, g, k);
    double[] x = new double[k];
    for (int v = 0; v < k; v++) {
      x[v] = rng.nextDouble() * 100 - 20;
    }
    double[] fast = family.collisionSums(k).apply(x);
    for (int v = 0; v < k; v++) {
      double direct = 0;
      for (int i = 0; i < functions; i++) {
        int bucket = family.bucket(i, v);
        for (int u = 0; u < k; u++) {
          if (family.bucket(i, u) == bucket) {
            direct += x[u];
          }
        }
      }
      assertEquals(direct, fast[v], 1e-9 * Math.max(1, Math.abs(direct)), "v=" + v);
    }
  }

  @Test
  void cachedWordsGiveTheProtocolBuckets() {
    AffineHashFamily family = new AffineHashFamily(42L, 16, 64, 5000);
    for (int i = 0; i < 16; i++) {
      for (int v = 0; v < 5000; v += 37) {
        assertEquals(AffineHashFamily.bucket(v, 42L + i, 6), family.bucket(i, v));
      }
    }
  }

  /**
   * Pairwise independence: over S functions, each bucket of one candidate and each joint bucket pair of two holds
   * Binomial(S, 1/g) resp. (S, 1/g^2) functions; every count lies within 5 standard deviations (a false alarm has
   * probability below 1e-4 over the whole table).
   */
  @Test
  void bucketsAreUniformAndPairwiseIndependent() {
    int functions = 20_000;
    int g = 4;
    int[] candidates = {0, 1, 2, 3, 7, 1000, 65_535, (1 << 24) - 1};
    AffineHashFamily family = new AffineHashFamily(11L, functions, g, 1 << 24);
    for (int a = 0; a < candidates.length; a++) {
      long[] single = new long[g];
      for (int i = 0; i < functions; i++) {
        single[family.bucket(i, candidates[a])]++;
      }
      for (long count : single) {
        assertWithin(count, functions, 1.0 / g);
      }
      for (int b = a + 1; b < candidates.length; b++) {
        long[] joint = new long[g * g];
        for (int i = 0; i < functions; i++) {
          joint[family.bucket(i, candidates[a]) * g + family.bucket(i, candidates[b])]++;
        }
        for (long count : joint) {
          assertWithin(count, functions, 1.0 / (g * g));
        }
      }
    }
  }

  private static void assertWithin(long count, int trials, double p) {
    double mean = trials * p;
    double sd = Math.sqrt(trials * p * (1 - p));
    assertTrue(Math.abs(count - mean) <= 5 * sd, count + " vs " + mean + " +- 5 x " + sd);
  }

  @Test
  void powerOfTwoRangeStaysCloseToTheOptimalRange() {
    for (double eps = 0.1; eps <= 13; eps += 0.1) {
      int g = OracleConfig.powerOfTwoHashRange(eps);
      assertEquals(1, Integer.bitCount(g), "eps=" + eps);
      double best = variance(eps, OracleConfig.optimalHashRange(eps));
      assertTrue(variance(eps, g) <= best * (eps < 1 ? 1.07 : 1.04), "eps=" + eps + " g=" + g);
    }
    assertEquals(8, OracleConfig.powerOfTwoHashRange(2));
    assertEquals(64, OracleConfig.powerOfTwoHashRange(4));
  }

  private static double variance(double eps, int g) {
    double e = Math.exp(eps);
    double p = e / (e + g - 1);
    double q = 1.0 / g;
    return q * (1 - q) / ((p - q) * (p - q));
  }

  /** The affine-family bucket vectors published in docs/protocol.md, read from the document. */
  @Test
  void protocolVectors() throws IOException {
    List<String[]> rows = ProtocolDocument.rows(line -> line.startsWith("| affine |"));
    assertTrue(rows.size() >= 6, "expected the affine vectors table");
    for (String[] r : rows) {
      int v = Integer.parseInt(r[1].trim());
      long seed = Long.parseLong(r[2].trim());
      int g = Integer.parseInt(r[3].trim());
      String[] words = r[4].trim().split(" ");
      for (int w = 0; w < words.length; w++) {
        assertEquals(Long.parseUnsignedLong(words[w], 16), XxHash64.hashInt(w, seed), "word " + w);
      }
      assertEquals(Integer.parseInt(r[5].trim()),
          AffineHashFamily.bucket(v, seed, Integer.numberOfTrailingZeros(g)), "v=" + v + " seed=" + seed);
    }
  }
}
