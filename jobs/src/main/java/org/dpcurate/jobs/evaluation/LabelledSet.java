package org.dpcurate.jobs.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.dpcurate.synthesis.Candidate;

/**
 * Texts as a classifier sees them: embeddings with topic and language labels and training weights. Candidates
 * without structure (no topic known) cannot be labelled and are left out.
 */
public record LabelledSet(String name, String[] texts, float[][] embeddings, String[] topics, String[] languages,
    double[] weights) {
  public LabelledSet {
    if (texts.length != embeddings.length || embeddings.length != topics.length || topics.length != languages.length
        || languages.length != weights.length) {
      throw new IllegalArgumentException(name + ": embeddings, labels and weights differ in length");
    }
  }

  public int size() {
    return embeddings.length;
  }

  /** {@code candidates} with {@code weights} (equal weights if null). */
  public static LabelledSet ofCandidates(String name, List<Candidate> candidates, double[] weights) {
    List<String> text = new ArrayList<>();
    List<float[]> x = new ArrayList<>();
    List<String> topic = new ArrayList<>();
    List<String> language = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c.spec() == null) {
        continue;
      }
      text.add(c.text());
      x.add(c.embedding());
      topic.add(c.spec().topicName());
      language.add(c.spec().languageCode());
      w.add(weights == null ? 1.0 : weights[i]);
    }
    return new LabelledSet(name, text.toArray(String[]::new), x.toArray(float[][]::new), topic.toArray(String[]::new),
        language.toArray(String[]::new), w.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
