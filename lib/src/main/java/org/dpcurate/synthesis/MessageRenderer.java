package org.dpcurate.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Renders specs to text. Synthetic candidates use one fixed template per language and length; private
 * (simulated user) messages use other phrasings, noise words and, sometimes, a second topic, so a user's text
 * never equals a synthetic message.
 */
public final class MessageRenderer {
  private MessageRenderer() {}

  /** The synthetic template: deterministic, one text per spec. */
  public static String synthetic(MessageSpec s) {
    Taxonomy.Lexicon lex = Taxonomy.language(s.language());
    List<String> words = new ArrayList<>();
    add(words, lex.tones().get(s.tone()));
    switch (s.length()) {
      case MessageSpec.SHORT -> {
        add(words, s.subjectName());
        add(words, s.timeName() + "?");
      }
      case MessageSpec.MEDIUM -> {
        add(words, lex.ask());
        add(words, s.subjectName());
        add(words, s.placeName());
        add(words, s.timeName());
        add(words, s.counterpartName() + "?");
      }
      default -> {
        add(words, lex.ask());
        add(words, s.subjectName());
        add(words, s.placeName());
        add(words, s.timeName());
        add(words, s.counterpartName() + "?");
        add(words, lex.about());
        add(words, s.topicName() + ",");
        add(words, lex.closing());
      }
    }
    return String.join(" ", words);
  }

  /**
   * A user's phrasing of the spec: a private ask phrase, reordered slots, noise words with probability
   * {@code noiseRate} per gap, and with probability {@code mixRate} a mention of a subject from another topic.
   */
  public static String privatePhrasing(MessageSpec s, double noiseRate, double mixRate, RandomGenerator rng) {
    Taxonomy.Lexicon lex = Taxonomy.language(s.language());
    List<String> parts = new ArrayList<>();
    add(parts, lex.tones().get(s.tone()));
    add(parts, lex.privateAsks().get(rng.nextInt(lex.privateAsks().size())));
    add(parts, s.subjectName());
    if (s.length() != MessageSpec.SHORT) {
      add(parts, s.counterpartName());
      add(parts, s.placeName());
    }
    add(parts, s.timeName());
    if (s.length() == MessageSpec.LONG) {
      add(parts, s.topicName());
      add(parts, lex.fillers().get(rng.nextInt(lex.fillers().size())));
      add(parts, lex.closing());
    }
    if (rng.nextDouble() < mixRate) {
      Taxonomy.Topic other = Taxonomy.topic(rng.nextInt(Taxonomy.TOPICS.size()));
      add(parts, other.subjects().get(rng.nextInt(Taxonomy.SUBJECTS)));
    }
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      if (rng.nextDouble() < noiseRate) {
        out.add(lex.fillers().get(rng.nextInt(lex.fillers().size())));
      }
      out.add(part);
    }
    return String.join(" ", out) + "?";
  }

  private static void add(List<String> words, String word) {
    if (word != null && !word.isEmpty()) {
      words.add(word);
    }
  }
}
