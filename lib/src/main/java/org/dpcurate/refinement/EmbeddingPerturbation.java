package org.dpcurate.refinement;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;
import org.dpcurate.embedding.Vectors;
import org.dpcurate.hash.XxHash64;
import org.dpcurate.synthesis.Candidate;

/**
 * Varies a candidate in embedding space: normalize(e + sigma * strength * gaussian / sqrt(d)). It applies to any
 * candidate, including those with external embeddings and no structure; the variation keeps its parent's text
 * (marked with a leading "~") because no generator has written its text yet.
 */
public final class EmbeddingPerturbation implements VariationStrategy {
  private final double sigma;

  /** @param sigma the step at strength 1, > 0 (0.5 moves a unit vector by roughly 27 degrees) */
  public EmbeddingPerturbation(double sigma) {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and > 0, got: " + sigma);
    }
    this.sigma = sigma;
  }

  @Override
  public Candidate vary(Candidate parent, int round, double strength, RandomGenerator rng) {
    float[] embedding = Vectors.perturb(parent.embedding(), sigma * strength, rng);
    ByteBuffer bytes = ByteBuffer.allocate(4 * embedding.length);
    for (float x : embedding) {
      bytes.putFloat(x);
    }
    String id = String.format("e%016x", XxHash64.hash(bytes.array(), 0L));
    String text = parent.text().startsWith("~") ? parent.text() : "~" + parent.text();
    return new Candidate(id, round, parent.id(), parent.generation() + 1, text, null, embedding);
  }
}
