package org.dpcurate.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.dpcurate.embedding.NearDuplicateIndex;
import org.dpcurate.embedding.Vectors;

/**
 * The greedy near-duplicate merge (the curated table's, and refinement's check of each variation against the next
 * pool) at a large pool's size: N unit vectors of dimension 384 (MiniLM's), drawn around N / 8 centres so that two
 * of one centre are about 0.9 apart in cosine (the table prints how many are kept), with 15 labels or none. Each
 * vector in turn either joins the most similar kept vector of its label at cosine >= 0.9 or is kept. The baseline
 * is the plain scan the merge used before (every kept vector, one object each, the label compared per pair); both
 * must assign every vector to the same kept one, and the times are of the same run.
 * Run: java -cp benchmarks/target/benchmarks.jar org.dpcurate.benchmarks.NearDuplicateMerge [N ...]
 */
public final class NearDuplicateMerge {
  private static final int DIMENSION = 384;
  private static final double MIN_SIMILARITY = 0.9;

  private NearDuplicateMerge() {}

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
        : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.println("n        labels   kept    plain_s  index_s  speed-up");
    for (int n : sizes) {
      for (int labels : new int[] {15, 1}) {
        float[][] vectors = vectors(n, 11);
        String[] label = new String[n];
        SplittableRandom rng = new SplittableRandom(12);
        for (int i = 0; i < n; i++) {
          label[i] = labels == 1 ? null : "genre-" + rng.nextInt(labels);
        }
        long start = System.nanoTime();
        int[] byIndex = mergeWithIndex(vectors, label);
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        // The plain scan is quadratic in pure Java: it runs only where it ends within minutes.
        double plainSeconds = Double.NaN;
        if ((double) n * n / labels <= 2e8) {
          start = System.nanoTime();
          int[] plain = mergeWithPlainScan(vectors, label);
          plainSeconds = (System.nanoTime() - start) / 1e9;
          if (!Arrays.equals(plain, byIndex)) {
            throw new IllegalStateException("the index merged differently from the plain scan at n=" + n);
          }
        }
        long kept = Arrays.stream(byIndex).distinct().count();
        System.out.printf(Locale.ROOT, "%-8d %6d %7d %9.2f %8.2f %9s%n", n, labels, kept, plainSeconds, indexSeconds,
            Double.isNaN(plainSeconds) ? "-" : String.format(Locale.ROOT, "%.1fx", plainSeconds / indexSeconds));
      }
    }
  }

  private static float[][] vectors(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] centres = new float[Math.max(1, n / 8)][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = Vectors.perturb(new float[DIMENSION], 1, rng);
    }
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      out[i] = Vectors.perturb(centres[rng.nextInt(centres.length)], 0.33, rng);
    }
    return out;
  }

  /** Per vector, the vector it was merged into (itself if kept). */
  private static int[] mergeWithIndex(float[][] vectors, String[] label) {
    NearDuplicateIndex index = new NearDuplicateIndex(DIMENSION);
    List<Integer> kept = new ArrayList<>();
    int[] into = new int[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      int entry = index.mostSimilar(label[i], vectors[i], MIN_SIMILARITY);
      if (entry < 0) {
        index.add(label[i], vectors[i]);
        kept.add(i);
        into[i] = i;
      } else {
        into[i] = kept.get(entry);
      }
    }
    return into;
  }

  private static int[] mergeWithPlainScan(float[][] vectors, String[] label) {
    List<Integer> kept = new ArrayList<>();
    int[] into = new int[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      int best = -1;
      double bestSimilarity = MIN_SIMILARITY;
      for (int k : kept) {
        if (!java.util.Objects.equals(label[i], label[k])) {
          continue;
        }
        double s = 0;
        for (int d = 0; d < DIMENSION; d++) {
          s += vectors[i][d] * vectors[k][d];
        }
        if (s >= bestSimilarity) {
          bestSimilarity = s;
          best = k;
        }
      }
      if (best < 0) {
        kept.add(i);
        into[i] = i;
      } else {
        into[i] = best;
      }
    }
    return into;
  }
}
