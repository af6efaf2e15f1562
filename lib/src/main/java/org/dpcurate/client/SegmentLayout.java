package org.dpcurate.client;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.dpcurate.hash.XxHash64;

/**
 * Which of a round's K published candidates is where when the pool is split into S download segments
 * (docs/protocol.md, "Segments"): candidate {@code i} is in segment {@code i mod S} at position {@code i / S}
 * there, so every segment is an evenly spread sub-sample of the pool (variations of one parent, adjacent in the
 * order, land in different segments). A report belongs to segment {@code XXH64(UTF-8 report_id, 42) mod S}
 * (unsigned): the device draws its report id before it downloads and the server recomputes the segment from the id,
 * so a report carries no segment field. Each device reports the position of its vote within its segment, with an
 * oracle over {@link #segmentDomain()} positions. One segment ({@code S = 1}) is the whole pool.
 */
public record SegmentLayout(int candidates, int segments) implements Serializable {
  /** The seed of the report-id hash: Spark's {@code xxhash64} uses it, so the server computes segments in SQL. */
  public static final long SEGMENT_HASH_SEED = 42L;

  public SegmentLayout {
    if (candidates < 2) {
      throw new IllegalArgumentException("a round needs >= 2 candidates, got K=" + candidates);
    }
    if (segments < 1 || candidates / segments < 2) {
      throw new IllegalArgumentException("segments must leave every segment >= 2 candidates, got " + segments
          + " for K=" + candidates);
    }
  }

  /** The number of candidates in segment {@code s}. */
  public int segmentSize(int s) {
    return (candidates - s + segments - 1) / segments;
  }

  /** The largest segment's size: the oracle's domain (positions a report can name). */
  public int segmentDomain() {
    return segmentSize(0);
  }

  public int segmentOf(int candidate) {
    return candidate % segments;
  }

  public int positionOf(int candidate) {
    return candidate / segments;
  }

  /** The published index of position {@code position} of segment {@code s}. */
  public int candidate(int s, int position) {
    return position * segments + s;
  }

  /** The segment a report with id {@code reportId} belongs to. */
  public int segmentOfReport(String reportId) {
    return segmentOfHash(XxHash64.hash(reportId.getBytes(StandardCharsets.UTF_8), SEGMENT_HASH_SEED), segments);
  }

  /** The segment among {@code segments} of a report whose id hashes ({@link #SEGMENT_HASH_SEED}) to {@code idHash}. */
  public static int segmentOfHash(long idHash, int segments) {
    return (int) Long.remainderUnsigned(idHash, segments);
  }
}
