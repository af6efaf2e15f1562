package org.dpcurate.oracle;

import java.io.Serializable;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.dpcurate.hash.XxHash64;

/**
 * The hash family of OLH, FLH and HCMS: functions from candidate indices to [g], g = 2^b, each affine over GF(2).
 * Function i (here R of them, seeds salt + i; OLH: one per report) has b words a_r = XXH64(le32(r), seed); bit r of v's bucket is parity(a_r & v) xor the top bit of a_r. Random
 * affine maps are pairwise independent (two distinct candidates land in independent uniform buckets), which is all
 * the estimator and its variance need; the linearity lets the server decode in the Walsh-Hadamard domain:
 *
 * <p>count[i][h_i(v)] = (1/g) sum_u W(count[i])[u] (-1)^(u . h_i(v)), and u . h_i(v) = w_iu . v + c_iu with
 * w_iu the XOR of the a_r for r in u (low bits) and c_iu the parity of their top bits. Summed over i, every
 * candidate's support is (1/g) W(F)[v] with F[w] = sum of +-W(count[i])[u] over the (i, u) with w_iu = w: one
 * transform per function row and one of size 2^d (2^d >= K), O(R g log g + d 2^d) instead of R x K hash
 * evaluations. The same identity diagonalises the collision matrix used by collision-aware decoding.
 */
final class AffineHashFamily implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Functions x bits words kept in memory up to this many (32 MB); beyond, words are rehashed on use. */
  private static final long MAX_CACHED_WORDS = 1L << 22;

  private final long salt;
  private final int functions;
  private final int bits;
  private final int domainBits;
  private transient volatile long[] words;

  AffineHashFamily(long salt, int functions, int range, int domainSize) {
    if (Integer.bitCount(range) != 1 || range < 2) {
      throw new IllegalArgumentException("range must be a power of two >= 2, got: " + range);
    }
    this.salt = salt;
    this.functions = functions;
    this.bits = Integer.numberOfTrailingZeros(range);
    this.domainBits = domainBits(domainSize);
  }

  /** The protocol's word r of the function with seed {@code seed}. */
  static long word(long seed, int r) {
    return XxHash64.hashInt(r, seed);
  }

  /** The protocol's bucket of candidate {@code value} (>= 0) under the function with seed {@code seed}. */
  static int bucket(int value, long seed, int bits) {
    int bucket = 0;
    for (int r = 0; r < bits; r++) {
      bucket |= bit(word(seed, r), value) << r;
    }
    return bucket;
  }

  private static int bit(long word, int value) {
    return (Long.bitCount(word & value) + (int) (word >>> 63)) & 1;
  }

  int bucket(int function, int value) {
    long[] cached = words();
    if (cached == null) {
      return bucket(value, salt + function, bits);
    }
    int bucket = 0;
    int base = function * bits;
    for (int r = 0; r < bits; r++) {
      bucket |= bit(cached[base + r], value) << r;
    }
    return bucket;
  }

  private long[] words() {
    long[] cached = words;
    if (cached == null && (long) functions * bits <= MAX_CACHED_WORDS) {
      cached = new long[functions * bits];
      long[] one = new long[bits];
      for (int i = 0; i < functions; i++) {
        words(salt + i, one);
        System.arraycopy(one, 0, cached, i * bits, bits);
      }
      words = cached;
    }
    return cached;
  }

  /** Scratch for one function's b words and its g combinations. */
  static final class Workspace {
    final long[] words;
    final long[] combined;

    Workspace(int bits) {
      words = new long[bits];
      combined = new long[1 << bits];
    }
  }

  /** The b words of the function with seed {@code seed}, hashed once each. */
  private static void words(long seed, long[] out) {
    for (int r = 0; r < out.length; r++) {
      out[r] = word(seed, r);
    }
  }

  /**
   * For every u in [g], the XOR of the words {@code words[from + r]} over the bits r of u (the top bit carries
   * the offset).
   */
  private static void combine(long[] words, int from, long[] out) {
    out[0] = 0;
    for (int u = 1; u < out.length; u++) {
      out[u] = out[u & (u - 1)] ^ words[from + Integer.numberOfTrailingZeros(u)];
    }
  }

  /** Function {@code function}'s combinations into {@code w.combined}, from the cache or hashed into {@code w}. */
  private void combinations(long[] cached, int function, Workspace w) {
    if (cached != null) {
      combine(cached, function * bits, w.combined);
    } else {
      words(salt + function, w.words);
      combine(w.words, 0, w.combined);
    }
  }

  /**
   * Each candidate's support sum_i counts[i * g + h_i(v)], exactly (integer arithmetic, so the result does not
   * depend on how the functions are split over cores).
   */
  long[] supports(long[] counts, int domainSize) {
    return readOut(spectrum(counts, true), bits, domainSize);
  }

  /**
   * For every candidate, sum_i sum_u coefficients[i * g + u] (-1)^(u . h_i(v)): the read-out of HCMS, whose state
   * already holds each row's Walsh-Hadamard coefficients (sign sums per (row, l)).
   */
  long[] coefficientSums(long[] coefficients, int domainSize) {
    return readOut(spectrum(coefficients, false), 0, domainSize);
  }

  /**
   * F with W(F)[v] = sum_i sum_u W_i[u] (-1)^(u . h_i(v)), W_i the row itself or, if {@code transformRows}, its
   * transform.
   */
  private long[] spectrum(long[] table, boolean transformRows) {
    int g = 1 << bits;
    int size = 1 << domainBits;
    long mask = size - 1;
    long[] cached = words();
    // One 2^d accumulator per part, at most 256 MB in all (K up to 2^24 candidates).
    int parts = Math.max(1, Math.min(Math.min(functions, Runtime.getRuntime().availableProcessors()),
        (1 << 25) / size));
    long[][] partial = new long[parts][];
    IntStream.range(0, parts).parallel().forEach(part -> {
      long[] f = new long[size];
      long[] row = new long[g];
      Workspace workspace = new Workspace(bits);
      long[] combined = workspace.combined;
      for (int i = part; i < functions; i += parts) {
        System.arraycopy(table, i * g, row, 0, g);
        if (transformRows) {
          WalshHadamard.transform(row);
        }
        combinations(cached, i, workspace);
        for (int u = 0; u < g; u++) {
          int w = (int) (combined[u] & mask);
          f[w] += combined[u] < 0 ? -row[u] : row[u];
        }
      }
      partial[part] = f;
    });
    long[] f = partial[0];
    for (int part = 1; part < parts; part++) {
      long[] other = partial[part];
      for (int w = 0; w < size; w++) {
        f[w] += other[w];
      }
    }
    return f;
  }

  /** W(f)[v] >> shift for the candidates 0..K-1; transforms {@code f} in place. */
  private static long[] readOut(long[] f, int shift, int domainSize) {
    WalshHadamard.transform(f);
    long[] out = new long[domainSize];
    for (int v = 0; v < domainSize; v++) {
      out[v] = f[v] >> shift;
    }
    return out;
  }

  /**
   * Adds one report's support indicator [h_s(v) = y] to a Walsh spectrum of size 2^d, times g: the function with
   * seed {@code seed} puts (-1)^(u . y + c_u) on frequency w_u for each u in [g] (OLH, whose every report has its
   * own seed: b hashes and O(g) additions per report instead of O(K)).
   */
  static void addSupport(long seed, int y, long[] spectrum, Workspace w) {
    long mask = spectrum.length - 1;
    words(seed, w.words);
    combine(w.words, 0, w.combined);
    long[] combined = w.combined;
    for (int u = 0; u < combined.length; u++) {
      int negative = (Integer.bitCount(u & y) + (int) (combined[u] >>> 63)) & 1;
      spectrum[(int) (combined[u] & mask)] += 1 - 2 * negative;
    }
  }

  /** The support counts of the candidates 0..K-1 from a spectrum built by {@link #addSupport}. */
  static long[] supportsFromSpectrum(long[] spectrum, int bits, int domainSize) {
    return readOut(spectrum.clone(), bits, domainSize);
  }

  /** Bits d of the Walsh domain 2^d >= K. */
  static int domainBits(int domainSize) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(domainSize - 1));
  }

  /**
   * x -> for every v, sum over functions of the sum of x over the candidates sharing v's bucket: (1/g) W(N . W(x))
   * with N[w] the number of (function, u) pairs whose combination is w. Two transforms of size 2^d per product.
   */
  UnaryOperator<double[]> collisionSums(int domainSize) {
    int g = 1 << bits;
    int size = 1 << domainBits;
    long mask = size - 1;
    long[] cached = words();
    double[] multiplicity = new double[size];
    Workspace workspace = new Workspace(bits);
    for (int i = 0; i < functions; i++) {
      combinations(cached, i, workspace);
      for (int u = 0; u < g; u++) {
        multiplicity[(int) (workspace.combined[u] & mask)]++;
      }
    }
    return x -> {
      double[] y = new double[size];
      System.arraycopy(x, 0, y, 0, domainSize);
      WalshHadamard.transform(y);
      for (int w = 0; w < size; w++) {
        y[w] *= multiplicity[w];
      }
      WalshHadamard.transform(y);
      double[] out = new double[domainSize];
      for (int v = 0; v < domainSize; v++) {
        out[v] = y[v] / g;
      }
      return out;
    };
  }
}
