package org.dpcurate.simulation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.MessageRenderer;
import org.dpcurate.synthesis.MessageSpec;
import org.dpcurate.synthesis.SpecDistribution;
import org.dpcurate.synthesis.Taxonomy;
import org.dpcurate.synthesis.Weights;

/**
 * The hidden private population (simulation only): a bank of distinct private messages, each with its class label
 * and language. It is either generated (a share {@code hot.share} of messages express one of {@code hot.specs}
 * hidden popular combinations, Zipf-weighted, the rest come from a broad, topic- and slot-concentrated long tail;
 * the label is the topic) or read from real text ({@link #fromMessages}). Messages are grouped by persona (generated:
 * language and topic; real: the label). A device draws one bank message (uniformly, or in proportion to the
 * messages' weights), which fixes its persona, and its other messages uniformly from the same persona, so nearest
 * candidates need computing once per bank message rather than once per device message.
 */
public final class PrivatePopulation implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Null for a population of real text. */
  private final MessageSpec[] specs;
  private final String[] texts;
  private final float[][] embeddings;
  private final String[] labels;
  private final String[] languages;
  /** Null when every message is equally likely to be a device's first. */
  private final double[] weights;
  private final int[] persona;
  private final int[][] personaMembers;

  private PrivatePopulation(MessageSpec[] specs, String[] texts, float[][] embeddings, String[] labels,
      String[] languages, double[] weights, int[] persona, int personas) {
    this.specs = specs;
    this.texts = texts;
    this.embeddings = embeddings;
    this.labels = labels;
    this.languages = languages;
    this.weights = weights;
    this.persona = persona;
    Map<Integer, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < texts.length; i++) {
      members.computeIfAbsent(persona[i], k -> new ArrayList<>()).add(i);
    }
    personaMembers = new int[personas][];
    members.forEach((k, v) -> personaMembers[k] = v.stream().mapToInt(Integer::intValue).toArray());
  }

  private static PrivatePopulation ofSpecs(MessageSpec[] specs, String[] texts, float[][] embeddings) {
    String[] labels = new String[specs.length];
    String[] languages = new String[specs.length];
    int[] persona = new int[specs.length];
    for (int i = 0; i < specs.length; i++) {
      labels[i] = specs[i].topicName();
      languages[i] = specs[i].languageCode();
      persona[i] = specs[i].language() * Taxonomy.TOPICS.size() + specs[i].topic();
    }
    return new PrivatePopulation(specs, texts, embeddings, labels, languages, null, persona,
        Taxonomy.LANGUAGES.size() * Taxonomy.TOPICS.size());
  }

  /**
   * A population of real messages: {@code labels} (null entries or a null list: unlabelled, one persona),
   * {@code languages} (null entries: unknown) and {@code weights} (null: equal; else each > 0), embedded with
   * {@code embedder}.
   */
  public static PrivatePopulation fromMessages(List<String> texts, List<String> labels, List<String> languages,
      double[] weights, Embedder embedder) {
    int n = texts.size();
    String[] label = new String[n];
    String[] language = new String[n];
    int[] persona = new int[n];
    Map<String, Integer> personaOfLabel = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      label[i] = labels == null ? null : labels.get(i);
      language[i] = languages == null ? null : languages.get(i);
      personaOfLabel.putIfAbsent(label[i] == null ? "" : label[i], 0);
    }
    int next = 0;
    for (Map.Entry<String, Integer> e : personaOfLabel.entrySet()) {
      e.setValue(next++);
    }
    for (int i = 0; i < n; i++) {
      persona[i] = personaOfLabel.get(label[i] == null ? "" : label[i]);
    }
    if (weights != null) {
      for (double w : weights) {
        if (!(w > 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("message weights must be finite and > 0, got: " + w);
        }
      }
    }
    float[][] embeddings = embedder.embedAll(texts);
    return new PrivatePopulation(null, texts.toArray(String[]::new), embeddings, label, language,
        weights == null ? null : weights.clone(), persona, personaOfLabel.size());
  }

  public static PrivatePopulation generate(PopulationConfig config, Embedder embedder, long seed) {
    SpecDistribution hidden = hiddenDistribution(config);
    SplittableRandom order = new SplittableRandom(config.orderSeed() + 1);
    MessageSpec[] hot = new MessageSpec[config.hotSpecs()];
    for (int h = 0; h < hot.length; h++) {
      hot[h] = hidden.draw(order);
    }
    Weights hotWeights = Weights.zipf(Weights.shuffled(hot.length, order), config.hotZipf());
    SplittableRandom rng = new SplittableRandom(seed);
    int m = config.distinctMessages();
    MessageSpec[] specs = new MessageSpec[m];
    String[] texts = new String[m];
    for (int i = 0; i < m; i++) {
      specs[i] = rng.nextDouble() < config.hotShare() ? hot[hotWeights.draw(rng)] : hidden.draw(rng);
      texts[i] = MessageRenderer.privatePhrasing(specs[i], config.noiseRate(), config.mixRate(), rng);
    }
    float[][] embeddings = embedder.embedAll(java.util.Arrays.asList(texts));
    return ofSpecs(specs, texts, embeddings);
  }

  public static SpecDistribution hiddenDistribution(PopulationConfig c) {
    return SpecDistribution.concentrated(
        Weights.parse("language.weights", c.languageWeights(), PopulationConfig.languageCodes()),
        Weights.parse("length.weights", c.lengthWeights(), Taxonomy.LENGTHS),
        Weights.parse("tone.weights", c.toneWeights(), Taxonomy.TONES),
        c.topicZipf(), c.slotZipf(), new SplittableRandom(c.orderSeed()));
  }

  public static SpecDistribution generatorPrior(PopulationConfig c) {
    return c.generatorPrior().distribution();
  }

  public int size() {
    return texts.length;
  }

  /** Whether the messages were generated from specs (the demo) rather than read from real text. */
  public boolean generated() {
    return specs != null;
  }

  /** Message {@code i}'s slots; null for real text. */
  public MessageSpec spec(int i) {
    return specs == null ? null : specs[i];
  }

  public String text(int i) {
    return texts[i];
  }

  /** Message {@code i}'s class: the topic of a generated message, the given label of a real one (or null). */
  public String label(int i) {
    return labels[i];
  }

  /** Message {@code i}'s language code, or null when unknown. */
  public String language(int i) {
    return languages[i];
  }

  /** The distinct labels, sorted (empty for unlabelled real text). */
  public List<String> labels() {
    return java.util.Arrays.stream(labels).filter(java.util.Objects::nonNull).distinct().sorted().toList();
  }

  /** The messages' weights (how likely each is a device's first message), or null when equal. */
  public double[] weights() {
    return weights;
  }

  public float[][] embeddings() {
    return embeddings;
  }

  /** Bank messages of the same persona as message {@code i}. */
  public int[] personaOf(int i) {
    return personaMembers[persona[i]];
  }

  /**
   * The population's distribution over coarse attributes: topic|language|length of generated messages, the label
   * of real ones; every message weighs its share of the weights (1/M when equal).
   */
  public Map<String, Double> coarseMix() {
    Map<String, Double> mix = new LinkedHashMap<>();
    double total = weights == null ? texts.length : java.util.Arrays.stream(weights).sum();
    for (int i = 0; i < texts.length; i++) {
      String key = specs != null ? specs[i].coarseKey() : labels[i] == null ? "?" : labels[i];
      mix.merge(key, (weights == null ? 1.0 : weights[i]) / total, Double::sum);
    }
    return mix;
  }

  /**
   * A candidate's key in {@link #coarseMix}: its coarse attributes ("?" for an unstructured candidate, which
   * matches nothing), or its label; null for an unlabelled candidate of real text, which has no mix to compare.
   */
  public String mixKeyOf(Candidate c) {
    if (specs != null) {
      return c.spec() == null ? "?" : c.spec().coarseKey();
    }
    return c.label();
  }
}
