package org.dpcurate.download;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.hash.XxHash64;

/**
 * How a round's K published candidates are split for download (docs/protocol.md, "Segments"). Candidate {@code i}
 * of the published order is in segment {@code i mod S} at position {@code i / S} there, so every segment is an
 * evenly spread sub-sample of the pool (variations of one parent, adjacent in the order, land in different
 * segments). A report belongs to segment {@code XXH64(UTF-8 report_id, 42) mod S} (unsigned): the device draws its
 * report id before it downloads, and the server recomputes the segment from the id, so a report carries no segment
 * field. Each device downloads one segment in the compact form ({@link Int8Quantization}: d + 4 bytes a candidate)
 * and reports the position of its vote within the segment, with an oracle over {@link #segmentDomain()} positions.
 * One segment ({@code S = 1}) is the whole pool.
 */
public record DownloadPlan(int candidates, int dimension, int segments) implements Serializable {
  /** The seed of the report-id hash: Spark's {@code xxhash64} uses it, so the server computes segments in SQL. */
  public static final long SEGMENT_HASH_SEED = 42L;

  public DownloadPlan {
    if (candidates < 2 || dimension < 1) {
      throw new IllegalArgumentException("a download needs >= 2 candidates and dimension >= 1, got K=" + candidates
          + ", d=" + dimension);
    }
    if (segments < 1 || candidates / segments < 2) {
      throw new IllegalArgumentException("segments must leave every segment >= 2 candidates, got " + segments
          + " for K=" + candidates);
    }
  }

  /** The whole pool in one download. */
  public static DownloadPlan wholePool(int candidates, int dimension) {
    return new DownloadPlan(candidates, dimension, 1);
  }

  /**
   * The fewest segments whose compact download fits {@code budgetBytes} a device: fewer segments give each device
   * more of the pool to choose from (a finer vote), at the cost of a bigger download. Refused when the budget
   * cannot hold two candidates.
   */
  public static DownloadPlan forBudget(int candidates, int dimension, long budgetBytes) {
    long perCandidate = Int8Quantization.bytesPerVector(dimension);
    long fits = budgetBytes / perCandidate;
    if (fits < 2) {
      throw new IllegalArgumentException("a download budget of " + budgetBytes + " bytes holds " + fits
          + " candidate(s) of dimension " + dimension + " (" + perCandidate + " bytes each); a segment needs two");
    }
    return new DownloadPlan(candidates, dimension, (int) ((candidates + fits - 1) / fits));
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
    return segmentOfHash(XxHash64.hash(reportId.getBytes(StandardCharsets.UTF_8), SEGMENT_HASH_SEED));
  }

  /** The segment of a report whose id hashes ({@link #SEGMENT_HASH_SEED}) to {@code idHash}. */
  public int segmentOfHash(long idHash) {
    return segmentOfHash(idHash, segments);
  }

  /** The segment among {@code segments} of a report whose id hashes ({@link #SEGMENT_HASH_SEED}) to {@code idHash}. */
  public static int segmentOfHash(long idHash, int segments) {
    return (int) Long.remainderUnsigned(idHash, segments);
  }

  /** Bytes a device downloads at most: the largest segment's compact embeddings. */
  public long bytesPerDevice() {
    return (long) segmentDomain() * Int8Quantization.bytesPerVector(dimension);
  }

  /** Bytes of the whole pool in float32, what a device would download without segments or quantization. */
  public long wholePoolFloat32Bytes() {
    return 4L * dimension * candidates;
  }
}
