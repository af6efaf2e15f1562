package org.dpcurate.synthesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.dpcurate.embedding.TextEmbedder;

/** Draws a pool of distinct synthetic candidates from a generator prior over the taxonomy. */
public final class CandidateGenerator {
  private final SpecDistribution prior;
  private final TextEmbedder embedder;

  public CandidateGenerator(SpecDistribution prior, TextEmbedder embedder) {
    this.prior = prior;
    this.embedder = embedder;
  }

  public Candidate fromSpec(MessageSpec spec, int round, String parentId, int generation) {
    String text = MessageRenderer.synthetic(spec);
    return new Candidate(Candidate.idOf(text), round, parentId, generation, text, spec, embedder.embed(text));
  }

  /** One candidate drawn from the prior. */
  public Candidate draw(int round, RandomGenerator rng) {
    return fromSpec(prior.draw(rng), round, null, 0);
  }

  /** {@code count} candidates with distinct texts, in draw order. */
  public List<Candidate> initialPool(int count, int round, RandomGenerator rng) {
    if (count < 2) {
      throw new IllegalArgumentException("pool size must be >= 2, got: " + count);
    }
    List<Candidate> pool = new ArrayList<>(count);
    Set<String> seen = new HashSet<>();
    int attempts = 0;
    while (pool.size() < count) {
      if (++attempts > 100L * count) {
        throw new IllegalStateException("could not draw " + count + " distinct candidates from the prior");
      }
      MessageSpec spec = prior.draw(rng);
      String text = MessageRenderer.synthetic(spec);
      if (seen.add(text)) {
        pool.add(new Candidate(Candidate.idOf(text), round, null, 0, text, spec, embedder.embed(text)));
      }
    }
    return pool;
  }
}
