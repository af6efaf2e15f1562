package org.dpcurate.simulation;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.dpcurate.synthesis.GeneratorPrior;
import org.dpcurate.synthesis.Taxonomy;

/**
 * The simulated world (conf/population.properties): the hidden private population devices draw their messages
 * from, and the prior the synthetic generator draws the initial pool from. Unknown keys are errors, so a typo
 * cannot silently fall back to a default.
 */
public record PopulationConfig(
    long devices,
    int messagesPerDevice,
    int distinctMessages,
    String languageWeights,
    String lengthWeights,
    String toneWeights,
    double topicZipf,
    double slotZipf,
    long orderSeed,
    double noiseRate,
    double mixRate,
    int hotSpecs,
    double hotShare,
    double hotZipf,
    String priorLanguageWeights,
    String priorLengthWeights,
    String priorToneWeights)
    implements Serializable {

  public static final Set<String> KEYS = Set.of(
      "devices", "messages.per.device", "distinct.messages", "language.weights", "length.weights", "tone.weights",
      "topic.zipf", "slot.zipf", "order.seed", "noise.rate", "mix.rate", "hot.specs", "hot.share", "hot.zipf",
      "prior.language.weights",
      "prior.length.weights", "prior.tone.weights");

  public PopulationConfig {
    if (devices < 1) {
      throw new IllegalArgumentException("devices must be >= 1, got: " + devices);
    }
    if (messagesPerDevice < 1 || messagesPerDevice > 100) {
      throw new IllegalArgumentException("messages.per.device must be in [1, 100], got: " + messagesPerDevice);
    }
    if (distinctMessages < 10 || distinctMessages > 1_000_000) {
      throw new IllegalArgumentException("distinct.messages must be in [10, 1000000], got: " + distinctMessages);
    }
    requireProbability("noise.rate", noiseRate);
    requireProbability("mix.rate", mixRate);
    requireProbability("hot.share", hotShare);
    if (hotSpecs < 1 || hotSpecs > 100_000) {
      throw new IllegalArgumentException("hot.specs must be in [1, 100000], got: " + hotSpecs);
    }
    if (!(hotZipf >= 0 && hotZipf <= 5)) {
      throw new IllegalArgumentException("hot.zipf must be in [0, 5], got: " + hotZipf);
    }
    if (!(topicZipf >= 0 && topicZipf <= 5) || !(slotZipf >= 0 && slotZipf <= 5)) {
      throw new IllegalArgumentException("topic.zipf and slot.zipf must be in [0, 5], got: " + topicZipf + ", "
          + slotZipf);
    }
  }

  private static void requireProbability(String key, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(key + " must be in [0, 1], got: " + p);
    }
  }

  /** The built-in defaults, the same as conf/population.properties. */
  public static PopulationConfig defaults() {
    return fromProperties(new Properties());
  }

  public static PopulationConfig load(Path file) {
    return fromProperties(ConfigProperties.load(file, "population config"));
  }

  public static PopulationConfig fromProperties(Properties p) {
    ConfigProperties.requireKnownKeys(p, KEYS, "population config");
    return new PopulationConfig(
        ConfigProperties.longValue(p, "devices", "1000000"),
        (int) ConfigProperties.longValue(p, "messages.per.device", "3"),
        (int) ConfigProperties.longValue(p, "distinct.messages", "12000"),
        p.getProperty("language.weights", "en:0.15,es:0.35,fr:0.25,de:0.15,it:0.10"),
        p.getProperty("length.weights", "short:0.5,medium:0.3,long:0.2"),
        p.getProperty("tone.weights", "neutral:0.2,formal:0.05,casual:0.5,urgent:0.25"),
        ConfigProperties.doubleValue(p, "topic.zipf", "1.2"),
        ConfigProperties.doubleValue(p, "slot.zipf", "1.4"),
        ConfigProperties.longValue(p, "order.seed", "7"),
        ConfigProperties.doubleValue(p, "noise.rate", "0.25"),
        ConfigProperties.doubleValue(p, "mix.rate", "0.15"),
        (int) ConfigProperties.longValue(p, "hot.specs", "60"),
        ConfigProperties.doubleValue(p, "hot.share", "0.85"),
        ConfigProperties.doubleValue(p, "hot.zipf", "1.0"),
        p.getProperty("prior.language.weights", "en:0.6,es:0.1,fr:0.1,de:0.1,it:0.1"),
        p.getProperty("prior.length.weights", "short:0.2,medium:0.6,long:0.2"),
        p.getProperty("prior.tone.weights", "neutral:0.5,formal:0.3,casual:0.1,urgent:0.1"));
  }

  public PopulationConfig withDevices(long n) {
    return new PopulationConfig(n, messagesPerDevice, distinctMessages, languageWeights, lengthWeights,
        toneWeights, topicZipf, slotZipf, orderSeed, noiseRate, mixRate, hotSpecs, hotShare, hotZipf,
        priorLanguageWeights, priorLengthWeights, priorToneWeights);
  }

  public PopulationConfig withDistinctMessages(int m) {
    return new PopulationConfig(devices, messagesPerDevice, m, languageWeights, lengthWeights, toneWeights,
        topicZipf, slotZipf, orderSeed, noiseRate, mixRate, hotSpecs, hotShare, hotZipf, priorLanguageWeights,
        priorLengthWeights, priorToneWeights);
  }

  /** The generator prior of this config's {@code prior.*} keys. */
  public GeneratorPrior generatorPrior() {
    return new GeneratorPrior(priorLanguageWeights, priorLengthWeights, priorToneWeights);
  }

  static java.util.List<String> languageCodes() {
    return Taxonomy.LANGUAGES.stream().map(Taxonomy.Lexicon::code).toList();
  }
}
