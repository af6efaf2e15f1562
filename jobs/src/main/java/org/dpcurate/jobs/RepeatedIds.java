package org.dpcurate.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import scala.Tuple2;

/**
 * Finds the report_ids that occur more than once, by their 64-bit xxhash, without a row per report in the shuffle:
 * each input partition splits its hashes into one primitive long[] per bucket ({@link Buckets}), one shuffle moves
 * those arrays, and each bucket sorts its hashes and keeps the repeated ones. At 100M reports on 2 cores a SQL
 * group-by over the hashes (a row and a hash-map entry per report) took 46-69 s; this about 11 s
 * (docs/benchmarks.md). Equal hashes are only candidates: the caller compares the ids themselves.
 */
final class RepeatedIds {
  private RepeatedIds() {}

  /** Buckets for {@code partitions} input partitions. */
  static int bucketsFor(int partitions) {
    return Math.max(4, partitions);
  }

  /** One input partition's hashes, split by bucket into growable primitive arrays. */
  static final class Buckets {
    private final long[][] chunks;
    private final int[] sizes;

    Buckets(int buckets) {
      chunks = new long[buckets][64];
      sizes = new int[buckets];
    }

    void add(long h) {
      int b = (int) Long.remainderUnsigned(h, chunks.length);
      if (sizes[b] == chunks[b].length) {
        chunks[b] = Arrays.copyOf(chunks[b], sizes[b] * 2);
      }
      chunks[b][sizes[b]++] = h;
    }

    /** (bucket, its hashes) for every non-empty bucket. */
    <T> void drainTo(List<Tuple2<Integer, T>> out, java.util.function.Function<long[], T> wrap) {
      for (int b = 0; b < chunks.length; b++) {
        if (sizes[b] > 0) {
          out.add(new Tuple2<>(b, wrap.apply(Arrays.copyOf(chunks[b], sizes[b]))));
        }
      }
    }
  }

  /** Each hash that occurs more than once in a bucket, once. */
  static List<Long> repeated(List<long[]> parts) {
    int total = 0;
    for (long[] c : parts) {
      total += c.length;
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] c : parts) {
      System.arraycopy(c, 0, all, at, c.length);
      at += c.length;
    }
    Arrays.sort(all);
    List<Long> out = new ArrayList<>();
    for (int i = 1; i < all.length; i++) {
      if (all[i] == all[i - 1] && (out.isEmpty() || out.get(out.size() - 1) != all[i])) {
        out.add(all[i]);
      }
    }
    return out;
  }
}
