package org.dpcurate.simulation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.synthesis.MessageRenderer;
import org.dpcurate.synthesis.MessageSpec;
import org.dpcurate.synthesis.SpecDistribution;
import org.dpcurate.synthesis.Taxonomy;
import org.dpcurate.synthesis.Weights;

/**
 * The hidden private population (simulation only): a bank of distinct private messages, each in a user's own
 * phrasing. A share {@code hot.share} of messages express one of {@code hot.specs} hidden popular combinations
 * (Zipf-weighted); the rest come from a broad, topic- and slot-concentrated long tail. Messages are grouped by
 * persona (language, topic). A device draws one bank message uniformly, which fixes its persona, and its other messages from the same persona, so
 * nearest candidates need computing once per bank message rather than once per device message.
 */
public final class PrivatePopulation implements Serializable {
  private static final long serialVersionUID = 1L;

  private final MessageSpec[] specs;
  private final String[] texts;
  private final float[][] embeddings;
  private final int[] persona;
  private final int[][] personaMembers;

  private PrivatePopulation(MessageSpec[] specs, String[] texts, float[][] embeddings) {
    this.specs = specs;
    this.texts = texts;
    this.embeddings = embeddings;
    this.persona = new int[specs.length];
    Map<Integer, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < specs.length; i++) {
      persona[i] = specs[i].language() * Taxonomy.TOPICS.size() + specs[i].topic();
      members.computeIfAbsent(persona[i], k -> new ArrayList<>()).add(i);
    }
    personaMembers = new int[Taxonomy.LANGUAGES.size() * Taxonomy.TOPICS.size()][];
    members.forEach((k, v) -> personaMembers[k] = v.stream().mapToInt(Integer::intValue).toArray());
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
    return new PrivatePopulation(specs, texts, embeddings);
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
    return specs.length;
  }

  public MessageSpec spec(int i) {
    return specs[i];
  }

  public String text(int i) {
    return texts[i];
  }

  public float[][] embeddings() {
    return embeddings;
  }

  /** Bank messages of the same persona as message {@code i}. */
  public int[] personaOf(int i) {
    return personaMembers[persona[i]];
  }

  /** The population's distribution over coarse attributes (topic|language|length): every message weighs 1/M. */
  public Map<String, Double> coarseMix() {
    Map<String, Double> mix = new LinkedHashMap<>();
    for (MessageSpec s : specs) {
      mix.merge(s.coarseKey(), 1.0 / specs.length, Double::sum);
    }
    return mix;
  }
}
