package org.dpcurate.jobs.estimation;

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

  /**
   * One input partition's hashes: appended to one growable array, then split by bucket in a counting pass and a
   * scatter into exact-size arrays (half the time of growing one array per bucket). A hash's bucket comes from its
   * low 32 bits (multiply-shift), so its top bits stay uniform within the bucket for {@link #repeated}.
   */
  static final class Buckets {
    private final int buckets;
    private long[] hashes = new long[1 << 16];
    private int size;

    Buckets(int buckets) {
      this.buckets = buckets;
    }

    void add(long h) {
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = h;
    }

    private int bucketOf(long h) {
      return (int) (((h & 0xFFFFFFFFL) * buckets) >>> 32);
    }

    /** (bucket, its hashes) for every non-empty bucket. */
    List<Tuple2<Integer, long[]>> chunks() {
      int[] counts = new int[buckets];
      for (int i = 0; i < size; i++) {
        counts[bucketOf(hashes[i])]++;
      }
      long[][] split = new long[buckets][];
      for (int b = 0; b < buckets; b++) {
        split[b] = new long[counts[b]];
      }
      int[] next = new int[buckets];
      for (int i = 0; i < size; i++) {
        long h = hashes[i];
        int b = bucketOf(h);
        split[b][next[b]++] = h;
      }
      List<Tuple2<Integer, long[]>> out = new ArrayList<>();
      for (int b = 0; b < buckets; b++) {
        if (counts[b] > 0) {
          out.add(new Tuple2<>(b, split[b]));
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
