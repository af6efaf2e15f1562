package org.dpcurate.synthesis;

import java.util.List;
import java.util.random.RandomGenerator;
import org.dpcurate.embedding.Embedder;

/**
 * An imported pool of public texts (written by nobody's devices, e.g. a quotation corpus) as a source of fresh
 * candidates: each draw is a uniformly chosen text, unstructured and not yet embedded.
 */
public final class PublicPool implements CandidateSource {
  private final List<String> texts;
  private final Embedder embedder;

  public PublicPool(List<String> texts, Embedder embedder) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("a public pool needs at least one text");
    }
    this.texts = List.copyOf(texts);
    this.embedder = embedder;
  }

  @Override
  public Candidate draw(int round, RandomGenerator rng) {
    String text = texts.get(rng.nextInt(texts.size()));
    return new Candidate(Candidate.idOf(text), round, null, 0, text, null, null);
  }

  @Override
  public List<Candidate> embedMissing(List<Candidate> candidates) {
    return Candidate.embedMissing(candidates, embedder);
  }

  public int size() {
    return texts.size();
  }
}
