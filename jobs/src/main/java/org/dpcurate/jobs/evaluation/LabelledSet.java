package org.dpcurate.jobs.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.dpcurate.synthesis.Candidate;

/**
 * Texts as a classifier sees them: embeddings with class ("topic": a generated message's topic, a real message's
 * label) and language labels and training weights. A null class or language is unknown: that classifier is not
 * trained on the set. Candidates without a class are left out when others have one.
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

  /**
   * {@code messages} as a labelled set, embedded with {@code embedder}: classes are their labels when
   * {@code labelled}, else unknown.
   */
  public static LabelledSet ofMessages(String name, List<PrivateMessages.Message> messages, boolean labelled,
      org.dpcurate.embedding.Embedder embedder) {
    int n = messages.size();
    double[] weights = new double[n];
    java.util.Arrays.fill(weights, 1);
    return new LabelledSet(name, messages.stream().map(PrivateMessages.Message::text).toArray(String[]::new),
        embedder.embedAll(messages.stream().map(PrivateMessages.Message::text).toList()),
        messages.stream().map(m -> labelled ? m.label() : null).toArray(String[]::new),
        messages.stream().map(PrivateMessages.Message::language).toArray(String[]::new), weights);
  }

  /** Whether every text has a class, so a class classifier can train on (or be tested on) the set. */
  public boolean hasClasses() {
    return size() > 0 && java.util.Arrays.stream(topics).allMatch(java.util.Objects::nonNull);
  }

  /** Whether every text has a language. */
  public boolean hasLanguages() {
    return size() > 0 && java.util.Arrays.stream(languages).allMatch(java.util.Objects::nonNull);
  }

  /**
   * {@code candidates} with {@code weights} (equal weights if null), classed by {@link Candidate#classLabel}; those
   * without a class are left out unless none has one (then all are kept, without classes).
   */
  public static LabelledSet ofCandidates(String name, List<Candidate> candidates, double[] weights) {
    boolean anyClass = candidates.stream().anyMatch(c -> c.classLabel() != null);
    List<String> text = new ArrayList<>();
    List<float[]> x = new ArrayList<>();
    List<String> topic = new ArrayList<>();
    List<String> language = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (anyClass && c.classLabel() == null) {
        continue;
      }
      text.add(c.text());
      x.add(c.embedding());
      topic.add(c.classLabel());
      language.add(c.spec() == null ? null : c.spec().languageCode());
      w.add(weights == null ? 1.0 : weights[i]);
    }
    return new LabelledSet(name, text.toArray(String[]::new), x.toArray(float[][]::new), topic.toArray(String[]::new),
        language.toArray(String[]::new), w.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
