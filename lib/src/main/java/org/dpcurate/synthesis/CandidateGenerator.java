package org.dpcurate.synthesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.dpcurate.embedding.Embedder;

/**
 * Draws distinct synthetic candidates from a generator prior over the taxonomy. Texts are written first and
 * embedded in batches ({@link #embedMissing}), since a real model embeds a batch far faster than text by text.
 */
public final class CandidateGenerator implements CandidateSource {
  private final SpecDistribution prior;
  private final Embedder embedder;

  public CandidateGenerator(SpecDistribution prior, Embedder embedder) {
    this.prior = prior;
    this.embedder = embedder;
  }

  /** The candidate {@code spec} renders to, not yet embedded. */
  public Candidate fromSpec(MessageSpec spec, int round, String parentId, int generation) {
    String text = MessageRenderer.synthetic(spec);
    return new Candidate(Candidate.idOf(text), round, parentId, generation, text, spec, null);
  }

  /** One candidate drawn from the prior, not yet embedded. */
  @Override
  public Candidate draw(int round, RandomGenerator rng) {
    return fromSpec(prior.draw(rng), round, null, 0);
  }

  @Override
  public List<Candidate> embedMissing(List<Candidate> candidates) {
    return Candidate.embedMissing(candidates, embedder);
  }

  /** {@code count} candidates with distinct texts, in draw order, embedded. */
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
      Candidate c = draw(round, rng);
      if (seen.add(c.text())) {
        pool.add(c);
      }
    }
    return embedMissing(pool);
  }
}
