package org.dpcurate.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.dpcurate.download.PrincipalProjection;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.embedding.MiniLmEmbedder;
import org.dpcurate.embedding.NearestCandidates;
import org.dpcurate.simulation.PopulationConfig;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.CandidateGenerator;

/**
 * Two ways to fit the demo's 2,000-candidate pool into about 256 KB a device, measured on the vote: segments (each
 * device compares its messages with 1 / S of the pool, candidate i in segment i mod S, the device's segment drawn
 * evenly) and the projected download ({@link PrincipalProjection}: 5-bit codes on the first a principal axes of
 * the candidates, public data, plus the int8 basis; the whole pool in one download). Printed: bytes a device
 * downloads, the share of the 12,000 private messages whose nearest candidate changes, the mean cosine similarity
 * (in the full space) to the candidate chosen, against the exact float32 search, and how many votes go to short
 * candidates (the length mix is what a coarser vote shifts first).
 * Run: java -cp benchmarks/target/benchmarks.jar org.dpcurate.benchmarks.DownloadCompression
 */
public final class DownloadCompression {
  private DownloadCompression() {}

  /** By candidate: whether its spec is short, to see which way the changed votes go. */
  private static boolean[] isShort;

  public static void main(String[] args) {
    PopulationConfig config = PopulationConfig.defaults();
    MiniLmEmbedder model = new MiniLmEmbedder();
    PrivatePopulation population = PrivatePopulation.generate(config, model, 1);
    List<Candidate> pool = new CandidateGenerator(config.generatorPrior().distribution(), model)
        .initialPool(2000, 1, new SplittableRandom(1));
    float[][] exact = pool.stream().map(Candidate::embedding).toArray(float[][]::new);
    float[][] messages = population.embeddings();
    NearestCandidates.Result reference = NearestCandidates.search(messages, exact);
    int k = exact.length;
    int d = exact[0].length;
    isShort = new boolean[k];
    for (int c = 0; c < k; c++) {
      isShort[c] = pool.get(c).spec().lengthName().equals("short");
    }
    long shortVotes = Arrays.stream(reference.index()).filter(c -> isShort[c]).count();
    System.out.printf(Locale.ROOT, "K=%d d=%d messages=%d; exact float32 search: mean similarity %.5f, %d votes "
        + "for short candidates%n", k, d, messages.length, mean(reference.similarity()), shortVotes);
    System.out.println("download                       bytes  changed  mean_similarity  short_votes");
    float[][] int8 = new float[k][];
    for (int c = 0; c < k; c++) {
      int8[c] = Int8Quantization.quantize(exact[c]).dequantize();
    }
    report("whole pool, int8", (long) k * Int8Quantization.bytesPerVector(d), messages, messages, exact, int8,
        reference, null);
    for (int segments : new int[] {2, 3}) {
      int[] segmentOf = new int[messages.length];
      for (int m = 0; m < messages.length; m++) {
        segmentOf[m] = m % segments;
      }
      long bytes = (long) ((k + segments - 1) / segments) * Int8Quantization.bytesPerVector(d);
      report(segments + " segments, int8", bytes, messages, messages, exact, int8, reference, segmentOf);
    }
    // The projected download as devices get it: codes on a principal axes (basis counted in the bytes).
    for (int axes : new int[] {96, 128, 153, 192}) {
      PrincipalProjection projection = PrincipalProjection.fit(exact, axes);
      float[][] decoded = new float[k][];
      for (int c = 0; c < k; c++) {
        decoded[c] = projection.scoringVector(projection.encode(exact[c]));
      }
      float[][] projectedMessages = new float[messages.length][];
      for (int m = 0; m < messages.length; m++) {
        projectedMessages[m] = projection.project(messages[m]);
      }
      report("whole pool, projected-" + axes, PrincipalProjection.downloadBytes(k, d, axes), messages,
          projectedMessages, exact, decoded, reference, null);
      if (axes == 153) {
        // The same download scored by the plain dot product with the decoded projection, not scaled to unit length.
        float[][] unscaled = new float[k][];
        for (int c = 0; c < k; c++) {
          unscaled[c] = projection.decode(projection.encode(exact[c]));
        }
        report("  unscaled, projected-" + axes, PrincipalProjection.downloadBytes(k, d, axes), messages,
            projectedMessages, exact, unscaled, reference, null);
      }
    }
  }

  /**
   * Each message's nearest among {@code searched} (within its segment when {@code segmentOf} is given), scored
   * by its full-space similarity to the original candidate.
   */
  private static void report(String name, long bytes, float[][] originals, float[][] queries, float[][] exact,
      float[][] searched, NearestCandidates.Result reference, int[] segmentOf) {
    int segments = segmentOf == null ? 1 : Arrays.stream(segmentOf).max().getAsInt() + 1;
    int changed = 0;
    int shortVotes = 0;
    double similarity = 0;
    for (int m = 0; m < queries.length; m++) {
      int best = -1;
      double top = Double.NEGATIVE_INFINITY;
      for (int c = segmentOf == null ? 0 : segmentOf[m]; c < searched.length; c += segments) {
        double s = dot(queries[m], searched[c]);
        if (s > top) {
          top = s;
          best = c;
        }
      }
      changed += best != reference.index()[m] ? 1 : 0;
      shortVotes += isShort[best] ? 1 : 0;
      similarity += dot(originals[m], exact[best]);
    }
    System.out.printf(Locale.ROOT, "%-28s %8d  %6.2f%%  %.5f  %11d%n", name, bytes,
        100.0 * changed / queries.length, similarity / queries.length, shortVotes);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double mean(float[] x) {
    double s = 0;
    for (float v : x) {
      s += v;
    }
    return s / x.length;
  }
}
