package org.dpcurate.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import scala.Tuple2;

/**
 * Finds the report_ids that occur more than once, by their 64-bit xxhash, without a row per report in the shuffle:
 * each input partition splits its hashes into one primitive long[] per bucket ({@link Buckets}), one shuffle moves
 * those arrays, and each bucket finds its repeated hashes ({@link #repeated}). At 100M reports on 2 cores a SQL
 * group-by over the hashes (a row and a hash-map entry per report) took 46-69 s; this a few seconds
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
    List<Tuple2<Integer, long[]>> chunks() {
      List<Tuple2<Integer, long[]>> out = new ArrayList<>();
      for (int b = 0; b < chunks.length; b++) {
        if (sizes[b] > 0) {
          out.add(new Tuple2<>(b, Arrays.copyOf(chunks[b], sizes[b])));
        }
      }
      return out;
    }
  }

  /**
   * Each hash that occurs more than once in a bucket, once. One counting pass and one scatter by the top 16 bits
   * (the hashes are uniform, so ~n/65,536 per slot), then a small sort per slot: 3x faster than sorting the bucket.
   */
  static List<Long> repeated(List<long[]> parts) {
    int slots = 1 << 16;
    int[] start = new int[slots + 1];
    for (long[] c : parts) {
      for (long h : c) {
        start[(int) (h >>> 48) + 1]++;
      }
    }
    for (int i = 0; i < slots; i++) {
      start[i + 1] += start[i];
    }
    long[] all = new long[start[slots]];
    int[] next = Arrays.copyOf(start, slots);
    for (long[] c : parts) {
      for (long h : c) {
        all[next[(int) (h >>> 48)]++] = h;
      }
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      int from = start[i];
      int to = start[i + 1];
      if (to - from < 2) {
        continue;
      }
      Arrays.sort(all, from, to);
      for (int j = from + 1; j < to; j++) {
        if (all[j] == all[j - 1] && (j == from + 1 || all[j - 1] != all[j - 2])) {
          out.add(all[j]);
        }
      }
    }
    return out;
  }
}
