package org.dpcurate.oracle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Counts the set bits of many bit vectors (CMS signs, OUE and SS bit maps) with word-parallel adds. Each group (a
 * CMS row, or the one OUE bit map) keeps 16 bit-planes: a vertical binary counter per bit position, to which a
 * vector is added with a ripple carry over 64-bit words, about three word operations per 64 bits instead of one
 * increment per set bit. The planes are emptied into the oracle's long counts every 65,535 vectors of a group and
 * whenever the aggregator's state is read, merged or serialized.
 */
final class BitSlicedCounts {
  private static final int PLANES = 16;
  private static final int CAPACITY = (1 << PLANES) - 1;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final int bits;
  private final int words;
  private final long[][] planes;
  private final int[] pending;

  /** {@code groups} groups of {@code bits}-bit vectors; group g's counts sit at {@code state[g * bits ..]}. */
  BitSlicedCounts(int groups, int bits) {
    this.bits = bits;
    this.words = (bits + 63) >>> 6;
    this.planes = new long[groups][];
    this.pending = new int[groups];
  }

  void add(int group, byte[] vector, long[] state) {
    long[] p = planes[group];
    if (p == null) {
      p = planes[group] = new long[PLANES * words];
    }
    for (int w = 0; w < words; w++) {
      long carry = word(vector, w);
      for (int plane = 0; carry != 0; plane++) {
        int at = plane * words + w;
        long x = p[at];
        p[at] = x ^ carry;
        carry &= x;
      }
    }
    if (++pending[group] == CAPACITY) {
      flush(group, state);
    }
  }

  private static long word(byte[] vector, int w) {
    int from = w << 3;
    if (from + 8 <= vector.length) {
      return (long) LONGS.get(vector, from);
    }
    long out = 0;
    for (int b = from; b < vector.length; b++) {
      out |= (vector[b] & 0xFFL) << ((b - from) << 3);
    }
    return out;
  }

  /** Adds every pending count into {@code state} and empties the planes. */
  void flush(long[] state) {
    for (int g = 0; g < planes.length; g++) {
      if (pending[g] > 0) {
        flush(g, state);
      }
    }
  }

  private void flush(int group, long[] state) {
    long[] p = planes[group];
    int offset = group * bits;
    for (int plane = 0; plane < PLANES; plane++) {
      long weight = 1L << plane;
      for (int w = 0; w < words; w++) {
        long x = p[plane * words + w];
        while (x != 0) {
          state[offset + (w << 6) + Long.numberOfTrailingZeros(x)] += weight;
          x &= x - 1;
        }
      }
    }
    java.util.Arrays.fill(p, 0);
    pending[group] = 0;
  }
}
