package org.dpcurate.jobs.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The bucketed repeat finder against a direct count, on hashes spread over several input partitions. */
class RepeatedIdsTest {
  @Test
  void findsEachRepeatedHashOnceAcrossPartitions() {
    int buckets = 5;
    SplittableRandom rng = new SplittableRandom(7);
    List<List<Long>> partitions = new ArrayList<>();
    TreeSet<Long> seen = new TreeSet<>();
    TreeSet<Long> expected = new TreeSet<>();
    for (int p = 0; p < 3; p++) {
      List<Long> part = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        // A small value range makes repeats (within and across partitions, some three times) common.
        long h = rng.nextInt(5000) * 0x9E3779B97F4A7C15L;
        part.add(h);
        if (!seen.add(h)) {
          expected.add(h);
        }
      }
      partitions.add(part);
    }
    List<List<long[]>> byBucket = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      byBucket.add(new ArrayList<>());
    }
    for (List<Long> part : partitions) {
      RepeatedIds.Buckets split = new RepeatedIds.Buckets(buckets);
      part.forEach(split::add);
      split.chunks().forEach(c -> byBucket.get(c._1()).add(c._2()));
    }
    TreeSet<Long> found = new TreeSet<>();
    int listed = 0;
    for (List<long[]> bucket : byBucket) {
      for (long h : RepeatedIds.repeated(bucket)) {
        found.add(h);
        listed++;
      }
    }
    assertEquals(expected, found);
    assertEquals(expected.size(), listed, "each repeated hash is listed once");
  }
}
