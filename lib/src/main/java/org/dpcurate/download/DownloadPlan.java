package org.dpcurate.download;

import java.io.Serializable;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.client.SegmentLayout;

/**
 * What a per-device download budget buys for a round's K candidates of dimension d (docs/protocol.md, "What a budget
 * buys"): the whole pool in int8, the whole pool projected on principal axes, or int8 segments laid out by
 * {@link SegmentLayout}. Each device downloads one segment in the compact form ({@link Int8Quantization}: d + 4 bytes
 * a candidate) and reports the position of its vote within it. One segment ({@code S = 1}) is the whole pool. A projected plan ({@code projectedAxes > 0}) is one segment whose
 * candidates are downloaded as {@link PrincipalProjection} codes instead of int8 vectors.
 *
 * @param projectedAxes 0 for int8 vectors, else the principal axes of the projected download
 */
public record DownloadPlan(int candidates, int dimension, int segments, int projectedAxes) implements Serializable {
  public DownloadPlan {
    if (candidates < 2 || dimension < 1) {
      throw new IllegalArgumentException("a download needs >= 2 candidates and dimension >= 1, got K=" + candidates
          + ", d=" + dimension);
    }
    new SegmentLayout(candidates, segments); // the layout's own checks
    if (projectedAxes < 0 || projectedAxes > dimension || (projectedAxes > 0 && segments != 1)) {
      throw new IllegalArgumentException("a projected download is one segment on 1.." + dimension + " axes, got "
          + projectedAxes + " axes in " + segments + " segments");
    }
  }

  /** Int8 vectors in {@code segments} segments. */
  public DownloadPlan(int candidates, int dimension, int segments) {
    this(candidates, dimension, segments, 0);
  }

  /** The whole pool in one download. */
  public static DownloadPlan wholePool(int candidates, int dimension) {
    return new DownloadPlan(candidates, dimension, 1);
  }

  /**
   * The download a budget of {@code budgetBytes} a device allows, preferring the finest vote: the whole pool in
   * int8 if it fits; else the whole pool projected on as many principal axes as fit, if that is at least
   * {@link #minProjectedAxes(int)}; else int8 segments ({@link #segmentsForBudget}). A device that compares its
   * messages with every candidate in a coarser space changes far fewer votes than one that compares with a part of
   * the pool (docs/benchmarks.md "Download segments").
   */
  public static DownloadPlan forBudget(int candidates, int dimension, long budgetBytes) {
    if ((long) candidates * Int8Quantization.bytesPerVector(dimension) <= budgetBytes) {
      return wholePool(candidates, dimension);
    }
    int axes = 0;
    while (axes < dimension && PrincipalProjection.downloadBytes(candidates, dimension, axes + 1) <= budgetBytes) {
      axes++;
    }
    if (axes >= minProjectedAxes(dimension)) {
      return new DownloadPlan(candidates, dimension, 1, axes);
    }
    return segmentsForBudget(candidates, dimension, budgetBytes);
  }

  /**
   * The fewest axes a projected download may have: a quarter of the dimension. Below it the projection loses more
   * of the vote than splitting the pool would.
   */
  public static int minProjectedAxes(int dimension) {
    return (dimension + 3) / 4;
  }

  /**
   * The fewest int8 segments that fit {@code budgetBytes} a device: fewer segments give each device more of the
   * pool to choose from (a finer vote), at the cost of a bigger download. Refused when the budget cannot hold two
   * candidates.
   */
  public static DownloadPlan segmentsForBudget(int candidates, int dimension, long budgetBytes) {
    long perCandidate = Int8Quantization.bytesPerVector(dimension);
    long fits = budgetBytes / perCandidate;
    if (fits < 2) {
      throw new IllegalArgumentException("a download budget of " + budgetBytes + " bytes holds " + fits
          + " candidate(s) of dimension " + dimension + " (" + perCandidate + " bytes each); a segment needs two");
    }
    return new DownloadPlan(candidates, dimension, (int) ((candidates + fits - 1) / fits));
  }

  /** Which candidate is where in the segments: the protocol's part of the plan. */
  public SegmentLayout layout() {
    return new SegmentLayout(candidates, segments);
  }

  /** The largest segment's size: the oracle's domain (positions a report can name). */
  public int segmentDomain() {
    return layout().segmentDomain();
  }

  public boolean projected() {
    return projectedAxes > 0;
  }

  /** Bytes a device downloads at most: the largest segment's int8 vectors, or the codes and the basis. */
  public long bytesPerDevice() {
    return projected() ? PrincipalProjection.downloadBytes(candidates, dimension, projectedAxes)
        : (long) segmentDomain() * Int8Quantization.bytesPerVector(dimension);
  }

  /** Bytes of the whole pool in float32, what a device would download without segments or quantization. */
  public long wholePoolFloat32Bytes() {
    return 4L * dimension * candidates;
  }
}
