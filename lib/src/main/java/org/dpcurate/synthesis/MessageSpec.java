package org.dpcurate.synthesis;

/**
 * A point of the synthetic space, by slot index. Short messages carry no place and no counterpart (-1), so two
 * specs that render the same text are the same spec.
 */
public record MessageSpec(int topic, int subject, int language, int length, int tone, int place, int time,
    int counterpart) {

  public static final int SHORT = 0;
  public static final int MEDIUM = 1;
  public static final int LONG = 2;

  public MessageSpec {
    check("topic", topic, Taxonomy.TOPICS.size());
    check("subject", subject, Taxonomy.SUBJECTS);
    check("language", language, Taxonomy.LANGUAGES.size());
    check("length", length, Taxonomy.LENGTHS.size());
    check("tone", tone, Taxonomy.TONES.size());
    check("time", time, Taxonomy.TIMES);
    if (length == SHORT) {
      place = -1;
      counterpart = -1;
    } else {
      check("place", place, Taxonomy.PLACES);
      check("counterpart", counterpart, Taxonomy.COUNTERPARTS);
    }
  }

  private static void check(String name, int value, int bound) {
    if (value < 0 || value >= bound) {
      throw new IllegalArgumentException(name + " must be in [0, " + bound + "), got: " + value);
    }
  }

  public Taxonomy.Topic topicInfo() {
    return Taxonomy.topic(topic);
  }

  public String family() {
    return topicInfo().family();
  }

  public String topicName() {
    return topicInfo().name();
  }

  public String subjectName() {
    return topicInfo().subjects().get(subject);
  }

  public String languageCode() {
    return Taxonomy.language(language).code();
  }

  public String lengthName() {
    return Taxonomy.LENGTHS.get(length);
  }

  public String toneName() {
    return Taxonomy.TONES.get(tone);
  }

  public String placeName() {
    return place < 0 ? null : Taxonomy.language(language).places().get(place);
  }

  public String timeName() {
    return Taxonomy.language(language).times().get(time);
  }

  public String counterpartName() {
    return counterpart < 0 ? null : Taxonomy.language(language).counterparts().get(counterpart);
  }

  /** The coarse attributes evaluation compares mixes over: topic, language and length. */
  public String coarseKey() {
    return topicName() + "|" + languageCode() + "|" + lengthName();
  }

  /**
   * The spec whose slot names are these, or null when any name is not in the taxonomy (a candidate from an
   * external generator).
   */
  public static MessageSpec fromNames(String topic, String subject, String language, String length, String tone,
      String place, String time, String counterpart) {
    int t = -1;
    for (int i = 0; i < Taxonomy.TOPICS.size(); i++) {
      if (Taxonomy.topic(i).name().equals(topic)) {
        t = i;
      }
    }
    int lang = Taxonomy.languageIndex(language);
    if (t < 0 || lang < 0) {
      return null;
    }
    Taxonomy.Lexicon lex = Taxonomy.language(lang);
    int subj = Taxonomy.topic(t).subjects().indexOf(subject);
    int len = Taxonomy.LENGTHS.indexOf(length);
    int tn = Taxonomy.TONES.indexOf(tone);
    int tm = lex.times().indexOf(time);
    int pl = place == null ? -1 : lex.places().indexOf(place);
    int cp = counterpart == null ? -1 : lex.counterparts().indexOf(counterpart);
    if (subj < 0 || len < 0 || tn < 0 || tm < 0 || (len != SHORT && (pl < 0 || cp < 0))) {
      return null;
    }
    return new MessageSpec(t, subj, lang, len, tn, pl, tm, cp);
  }
}
