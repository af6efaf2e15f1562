package org.dpcurate.benchmarks;

import java.util.Locale;
import java.util.SplittableRandom;
import org.dpcurate.download.DownloadPlan;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.embedding.MiniLmEmbedder;
import org.dpcurate.embedding.Vectors;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.MechanismChooser;
import org.dpcurate.oracle.OracleConfig;

/**
 * The download side of a budget at K = 100,000 and the real model's dimension: for each per-device budget, the
 * segments (or the projection's axes) the publish step picks, the bytes a device really downloads (the largest
 * segment's vectors quantized and counted, d + 4 bytes each; a projection's codes and basis), and what the segment
 * count costs in noise: the oracle the mechanism chooser picks for a segment's positions and reports, and the
 * standard error of a candidate's share (on the one scale of docs/protocol.md "Segments", for a candidate nobody
 * voted for) with 1,000,000 devices a round. Fewer segments: a bigger download, each candidate competing with more
 * of the pool, and more reports a segment.
 * Run: java -cp benchmarks/target/benchmarks.jar org.dpcurate.benchmarks.DownloadSegments [K] [devices]
 */
public final class DownloadSegments {
  private DownloadSegments() {}

  public static void main(String[] args) {
    int k = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long devices = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    int d = new MiniLmEmbedder().dimension();
    double eps = 2;
    SplittableRandom rng = new SplittableRandom(1);
    System.out.printf(Locale.ROOT, "K=%d d=%d eps=%.0f devices=%d; whole list in float32: %,d bytes, in int8: %,d%n",
        k, d, eps, devices, 4L * d * k, (long) Int8Quantization.bytesPerVector(d) * k);
    System.out.println("   budget  segments  axes  per_segment  bytes/device  oracle  reports/segment  se(share of 0)");
    for (long budget : new long[] {262_144, 524_288, 1_000_000, 2_097_152, 8_388_608, 67_108_864}) {
      DownloadPlan plan = DownloadPlan.forBudget(k, d, budget);
      // A projected plan's bytes are fixed by its layout (codes and basis); a segment's are counted vector by vector.
      long bytes = plan.projected() ? plan.bytesPerDevice() : 0;
      for (int p = 0; !plan.projected() && p < plan.layout().segmentSize(0); p++) {
        float[] v = new float[d];
        for (int i = 0; i < d; i++) {
          v[i] = (float) rng.nextGaussian();
        }
        Int8Quantization.Quantized q = Int8Quantization.quantize(Vectors.normalize(v));
        bytes += q.values().length + Float.BYTES;
      }
      long perSegment = devices / plan.segments();
      OracleConfig config = MechanismChooser.choose(eps, plan.segmentDomain(), 128, perSegment).chosen();
      double se = Math.sqrt(FrequencyOracle.of(config).variance(perSegment, 0, 0)) / devices;
      System.out.printf(Locale.ROOT, "%9d  %8d  %4d  %11d  %12d  %6s  %15d  %14.6f%s%n", budget, plan.segments(),
          plan.projectedAxes(), plan.segmentDomain(), bytes, config.kind(), perSegment, se,
          bytes <= 1_000_000 ? "" : "  (> 1 MB)");
    }
  }
}
