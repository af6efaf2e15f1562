package org.dpcurate.simulation.discovery;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.dpcurate.discovery.PromptVocabulary;
import org.dpcurate.hash.Seeds;

/**
 * The hidden prompt population (simulation only): which prompt each device holds. A device's prompt depends only
 * on (seed, device), so every round and every method sees the same devices, and the truth can be counted exactly.
 */
public final class PromptPopulation implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PromptPopulationConfig config;
  private final PromptVocabulary vocabulary;
  private final int[][] heavy;
  private final double[] heavyCumulative;
  private final double[] wordCumulative;

  public PromptPopulation(PromptPopulationConfig config) {
    this.config = config;
    this.vocabulary = PromptVocabulary.ofSize(config.vocabularySize());
    this.wordCumulative = zipfCumulative(config.vocabularySize(), config.wordZipf());
    SplittableRandom order = new SplittableRandom(config.orderSeed());
    Set<String> distinct = new HashSet<>();
    heavy = new int[config.heavyHitters()][];
    for (int i = 0; i < heavy.length; i++) {
      int[] p;
      do {
        p = tailPrompt(order);
      } while (!distinct.add(PromptVocabulary.key(p, p.length)));
      heavy[i] = p;
    }
    heavyCumulative = zipfCumulative(heavy.length, config.heavyZipf());
  }

  private static double[] zipfCumulative(int n, double exponent) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.pow(i + 1, -exponent);
      c[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= sum;
    }
    return c;
  }

  private static int draw(double[] cumulative, double u) {
    int i = Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
  }

  private int[] tailPrompt(SplittableRandom rng) {
    int words = config.minWords() + rng.nextInt(config.maxWords() - config.minWords() + 1);
    int[] p = new int[words];
    for (int i = 0; i < words; i++) {
      p[i] = draw(wordCumulative, rng.nextDouble());
    }
    return p;
  }

  public PromptPopulationConfig config() {
    return config;
  }

  public PromptVocabulary vocabulary() {
    return vocabulary;
  }

  /** The words (no end marker) of the prompt device {@code device} holds. */
  public int[] promptOf(long device, long seed) {
    SplittableRandom rng = new SplittableRandom(Seeds.device(seed, device, 1));
    if (heavy.length > 0 && rng.nextDouble() < config.heavyShare()) {
      return heavy[draw(heavyCumulative, rng.nextDouble())];
    }
    return tailPrompt(rng);
  }

  /** The hidden heavy hitters, most popular first (for tests and reports). */
  public List<String> heavyHitterTexts() {
    return Arrays.stream(heavy).map(vocabulary::text).toList();
  }

  /** Exact counts of every prompt text held by devices [0, devices) (simulation truth; in-memory). */
  public Map<String, Long> trueCounts(long devices, long seed) {
    Map<String, Long> counts = new HashMap<>();
    for (long d = 0; d < devices; d++) {
      counts.merge(vocabulary.text(promptOf(d, seed)), 1L, Long::sum);
    }
    return counts;
  }
}
