package org.dpcurate.synthesis;

import java.util.random.RandomGenerator;

/** A product distribution over the slots of {@link MessageSpec}. */
public record SpecDistribution(Weights languages, Weights topics, Weights[] subjects, Weights lengths,
    Weights tones, Weights places, Weights times, Weights counterparts) {

  /** Uniform over topics and slots with the given language, length and tone weights. */
  public static SpecDistribution uniformSlots(Weights languages, Weights lengths, Weights tones) {
    Weights[] subjects = new Weights[Taxonomy.TOPICS.size()];
    java.util.Arrays.fill(subjects, Weights.uniform(Taxonomy.SUBJECTS));
    return new SpecDistribution(languages, Weights.uniform(Taxonomy.TOPICS.size()), subjects, lengths, tones,
        Weights.uniform(Taxonomy.PLACES), Weights.uniform(Taxonomy.TIMES), Weights.uniform(Taxonomy.COUNTERPARTS));
  }

  /**
   * Zipf-concentrated topics and slots: each ranking is a seeded permutation, so which topics and which
   * subjects are popular is hidden and unrelated to the generator's order.
   */
  public static SpecDistribution concentrated(Weights languages, Weights lengths, Weights tones, double topicZipf,
      double slotZipf, RandomGenerator order) {
    Weights topics = Weights.zipf(Weights.shuffled(Taxonomy.TOPICS.size(), order), topicZipf);
    Weights[] subjects = new Weights[Taxonomy.TOPICS.size()];
    for (int t = 0; t < subjects.length; t++) {
      subjects[t] = Weights.zipf(Weights.shuffled(Taxonomy.SUBJECTS, order), slotZipf);
    }
    return new SpecDistribution(languages, topics, subjects, lengths, tones,
        Weights.zipf(Weights.shuffled(Taxonomy.PLACES, order), slotZipf),
        Weights.zipf(Weights.shuffled(Taxonomy.TIMES, order), slotZipf),
        Weights.zipf(Weights.shuffled(Taxonomy.COUNTERPARTS, order), slotZipf));
  }

  public MessageSpec draw(RandomGenerator rng) {
    int topic = topics.draw(rng);
    return new MessageSpec(topic, subjects[topic].draw(rng), languages.draw(rng), lengths.draw(rng),
        tones.draw(rng), places.draw(rng), times.draw(rng), counterparts.draw(rng));
  }
}
