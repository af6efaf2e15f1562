package org.dpcurate.simulation.discovery;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.dpcurate.discovery.PromptVocabulary;
import org.dpcurate.simulation.ConfigProperties;

/**
 * The simulated prompt population of string discovery (conf/prompts.properties): a hidden set of heavy-hitter
 * prompts holding {@code heavyShare} of the devices (Zipf-distributed among themselves) and a long tail of prompts
 * whose words follow a Zipf law over the vocabulary. Unknown keys are errors.
 *
 * @param devices devices in the population
 * @param vocabularySize V, words of the public vocabulary
 * @param wordZipf Zipf exponent of word popularity in the tail (0 = uniform)
 * @param minWords shortest prompt, in words
 * @param maxWords longest prompt, in words (also the public maximum the server extends to)
 * @param heavyHitters number of hidden heavy-hitter prompts (0 = none)
 * @param heavyShare share of devices holding a heavy hitter
 * @param heavyZipf Zipf exponent of the heavy hitters' shares
 * @param orderSeed seed of the hidden heavy hitters (not of the devices' draws)
 */
public record PromptPopulationConfig(long devices, int vocabularySize, double wordZipf, int minWords, int maxWords,
    int heavyHitters, double heavyShare, double heavyZipf, long orderSeed) implements Serializable {

  public static final Set<String> KEYS = Set.of("devices", "vocabulary.size", "word.zipf", "min.words", "max.words",
      "heavy.hitters", "heavy.share", "heavy.zipf", "order.seed");

  public PromptPopulationConfig {
    if (devices < 1) {
      throw new IllegalArgumentException("devices must be >= 1, got: " + devices);
    }
    if (vocabularySize < 2 || vocabularySize > PromptVocabulary.MAX_SIZE) {
      throw new IllegalArgumentException("vocabulary.size must be in [2, " + PromptVocabulary.MAX_SIZE + "], got: "
          + vocabularySize);
    }
    if (minWords < 1 || maxWords < minWords || maxWords > 32) {
      throw new IllegalArgumentException("min.words and max.words must satisfy 1 <= min.words <= max.words <= 32, "
          + "got: " + minWords + ", " + maxWords);
    }
    if (heavyHitters < 0 || heavyHitters > 100_000) {
      throw new IllegalArgumentException("heavy.hitters must be in [0, 100000], got: " + heavyHitters);
    }
    if (!(heavyShare >= 0 && heavyShare <= 1)) {
      throw new IllegalArgumentException("heavy.share must be in [0, 1], got: " + heavyShare);
    }
    if (!(wordZipf >= 0 && wordZipf <= 5) || !(heavyZipf >= 0 && heavyZipf <= 5)) {
      throw new IllegalArgumentException("word.zipf and heavy.zipf must be in [0, 5], got: " + wordZipf + ", "
          + heavyZipf);
    }
  }

  /** The built-in defaults, the same as conf/prompts.properties. */
  public static PromptPopulationConfig defaults() {
    return fromProperties(new Properties());
  }

  public static PromptPopulationConfig load(Path file) {
    return fromProperties(ConfigProperties.load(file, "prompt population config"));
  }

  public static PromptPopulationConfig fromProperties(Properties p) {
    ConfigProperties.requireKnownKeys(p, KEYS, "prompt population config");
    return new PromptPopulationConfig(
        ConfigProperties.longValue(p, "devices", "1000000"),
        (int) ConfigProperties.longValue(p, "vocabulary.size", "1000"),
        ConfigProperties.doubleValue(p, "word.zipf", "1.0"),
        (int) ConfigProperties.longValue(p, "min.words", "2"),
        (int) ConfigProperties.longValue(p, "max.words", "6"),
        (int) ConfigProperties.longValue(p, "heavy.hitters", "40"),
        ConfigProperties.doubleValue(p, "heavy.share", "0.5"),
        ConfigProperties.doubleValue(p, "heavy.zipf", "0.8"),
        ConfigProperties.longValue(p, "order.seed", "11"));
  }

  public PromptPopulationConfig withDevices(long n) {
    return new PromptPopulationConfig(n, vocabularySize, wordZipf, minWords, maxWords, heavyHitters, heavyShare,
        heavyZipf, orderSeed);
  }

  /** The same population without heavy hitters: only the long tail. */
  public PromptPopulationConfig withoutHeavyHitters() {
    return new PromptPopulationConfig(devices, vocabularySize, wordZipf, minWords, maxWords, 0, 0, heavyZipf,
        orderSeed);
  }
}
