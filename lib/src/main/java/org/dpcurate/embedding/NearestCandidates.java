package org.dpcurate.embedding;

import java.util.stream.IntStream;

/**
 * Exact nearest-candidate search by cosine similarity (embeddings are unit vectors, so a dot product).
 * Brute force over K candidates, parallel over queries; ties go to the lower candidate index so results are
 * deterministic.
 */
public final class NearestCandidates {
  private NearestCandidates() {}

  /** Nearest candidate index and its similarity, per query. */
  public record Result(int[] index, float[] similarity) {}

  public static Result search(float[][] queries, float[][] candidates) {
    if (candidates.length == 0) {
      throw new IllegalArgumentException("no candidates to search");
    }
    int[] index = new int[queries.length];
    float[] similarity = new float[queries.length];
    IntStream.range(0, queries.length).parallel().forEach(q -> {
      float[] query = queries[q];
      int best = 0;
      float bestSim = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < candidates.length; c++) {
        float s = Vectors.dot(query, candidates[c]);
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      index[q] = best;
      similarity[q] = bestSim;
    });
    return new Result(index, similarity);
  }
}
