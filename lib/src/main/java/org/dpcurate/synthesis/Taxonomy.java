package org.dpcurate.synthesis;

import java.util.List;

/**
 * The structured space synthetic messages live in: 30 topics in 10 families, each topic with 8 fine-grained
 * subjects (the "tennis" of "play tennis tomorrow?"), 5 languages with their own templates and slot phrases,
 * 3 length buckets, 4 tones, 8 places, 6 times and 6 counterparts: about 4 million distinct messages.
 */
public final class Taxonomy {
  private Taxonomy() {}

  /** A topic, its family and its subjects. Topics of one family are siblings. */
  public record Topic(String family, String name, List<String> subjects) {}

  public static final List<Topic> TOPICS = List.of(
      new Topic("sports", "racket sports",
          List.of("tennis", "badminton", "squash", "padel", "table tennis", "pickleball", "racquetball", "beach tennis")),
      new Topic("sports", "team sports",
          List.of("soccer", "basketball", "volleyball", "hockey", "rugby", "baseball", "cricket", "handball")),
      new Topic("sports", "endurance",
          List.of("running", "cycling", "swimming", "rowing", "hiking", "triathlon", "skiing", "climbing")),
      new Topic("travel", "trip planning",
          List.of("paris", "tokyo", "lisbon", "new york", "rome", "berlin", "sydney", "cairo")),
      new Topic("travel", "transport",
          List.of("train", "flight", "bus", "ferry", "taxi", "rental car", "subway", "bike share")),
      new Topic("travel", "lodging",
          List.of("hotel", "hostel", "cabin", "apartment", "campsite", "resort", "guesthouse", "villa")),
      new Topic("work", "meetings",
          List.of("standup", "review", "planning", "retro", "one on one", "all hands", "interview", "workshop")),
      new Topic("work", "deadlines",
          List.of("report", "release", "budget", "proposal", "audit", "launch", "invoice", "contract")),
      new Topic("work", "career",
          List.of("promotion", "raise", "new job", "resume", "internship", "mentoring", "training", "conference")),
      new Topic("family", "kids",
          List.of("school pickup", "homework", "birthday party", "bedtime", "playdate", "swim practice",
              "piano lesson", "dentist visit")),
      new Topic("family", "relatives",
          List.of("grandma", "uncle", "cousin", "in-laws", "sister", "brother", "aunt", "grandpa")),
      new Topic("family", "home",
          List.of("groceries", "laundry", "dishes", "cleaning", "repairs", "garden", "moving", "decorating")),
      new Topic("finance", "banking",
          List.of("transfer", "savings", "loan", "mortgage", "credit card", "overdraft", "deposit", "account")),
      new Topic("finance", "investing",
          List.of("stocks", "bonds", "index fund", "crypto", "pension", "dividends", "real estate", "gold")),
      new Topic("finance", "bills",
          List.of("rent", "electricity", "phone bill", "insurance", "taxes", "water bill", "internet bill",
              "subscription")),
      new Topic("health", "fitness",
          List.of("gym", "yoga", "pilates", "weights", "stretching", "cardio", "crossfit", "spinning")),
      new Topic("health", "medical",
          List.of("doctor", "checkup", "vaccine", "prescription", "blood test", "physio", "dentist", "pharmacy")),
      new Topic("health", "wellbeing",
          List.of("sleep", "meditation", "stress", "diet", "hydration", "therapy", "journaling", "breathing")),
      new Topic("food", "cooking",
          List.of("pasta", "curry", "soup", "salad", "tacos", "stir fry", "risotto", "pancakes")),
      new Topic("food", "restaurants",
          List.of("sushi", "pizza", "burgers", "ramen", "tapas", "steakhouse", "vegan place", "brunch")),
      new Topic("food", "baking",
          List.of("bread", "cake", "cookies", "muffins", "pie", "croissants", "brownies", "scones")),
      new Topic("tech", "devices",
          List.of("phone", "laptop", "tablet", "smartwatch", "headphones", "printer", "router", "camera")),
      new Topic("tech", "software",
          List.of("update", "password", "backup", "app", "email", "cloud", "browser", "antivirus")),
      new Topic("tech", "gaming",
          List.of("console", "chess", "puzzle game", "strategy game", "racing game", "shooter", "rpg", "card game")),
      new Topic("entertainment", "movies",
          List.of("comedy", "thriller", "documentary", "animation", "horror", "romance", "sci-fi", "drama")),
      new Topic("entertainment", "music",
          List.of("concert", "playlist", "guitar", "piano", "festival", "karaoke", "vinyl", "podcast")),
      new Topic("entertainment", "books",
          List.of("novel", "biography", "poetry", "comic", "audiobook", "cookbook", "history book", "fantasy")),
      new Topic("education", "studying",
          List.of("exam", "essay", "lecture", "lab", "thesis", "quiz", "flashcards", "study group")),
      new Topic("education", "languages",
          List.of("spanish class", "french class", "german class", "japanese class", "grammar", "vocabulary",
              "pronunciation", "conversation")),
      new Topic("education", "courses",
          List.of("online course", "bootcamp", "seminar", "webinar", "tutorial", "certificate", "degree",
              "masterclass")));

  public static final List<String> LENGTHS = List.of("short", "medium", "long");
  public static final List<String> TONES = List.of("neutral", "formal", "casual", "urgent");
  public static final int SUBJECTS = 8;
  public static final int PLACES = 8;
  public static final int TIMES = 6;
  public static final int COUNTERPARTS = 6;

  /**
   * One language's phrases. Synthetic templates use {@code ask}, {@code about} and {@code closing}; private
   * messages use the other phrasings ({@code privateAsks}, {@code fillers}) that the generator never produces.
   */
  public record Lexicon(String code, List<String> places, List<String> times, List<String> counterparts,
      List<String> tones, String ask, String about, String closing, List<String> privateAsks,
      List<String> fillers) {}

  public static final List<Lexicon> LANGUAGES = List.of(
      new Lexicon("en",
          List.of("at home", "downtown", "at the office", "at the park", "at the club", "near the station",
              "at the mall", "at school"),
          List.of("today", "tomorrow", "tonight", "this weekend", "next week", "on monday"),
          List.of("with anna", "with the team", "with my brother", "with a friend", "with the neighbours",
              "with my boss"),
          List.of("", "could you please", "hey", "asap"),
          "shall we do", "i was thinking about", "let me know what you think",
          List.of("anyone up for", "fancy some", "how about"),
          List.of("lol", "btw", "ok so", "hmm", "yeah", "pls")),
      new Lexicon("es",
          List.of("en casa", "en el centro", "en la oficina", "en el parque", "en el club", "cerca de la estacion",
              "en el centro comercial", "en la escuela"),
          List.of("hoy", "manana", "esta noche", "este fin de semana", "la proxima semana", "el lunes"),
          List.of("con ana", "con el equipo", "con mi hermano", "con un amigo", "con los vecinos", "con mi jefe"),
          List.of("", "podria por favor", "oye", "urgente"),
          "hacemos", "estaba pensando en", "dime que piensas",
          List.of("alguien se apunta a", "te apetece", "que tal"),
          List.of("jaja", "oye", "bueno", "pues", "vale", "porfa")),
      new Lexicon("fr",
          List.of("a la maison", "en ville", "au bureau", "au parc", "au club", "pres de la gare",
              "au centre commercial", "a l ecole"),
          List.of("aujourd hui", "demain", "ce soir", "ce week-end", "la semaine prochaine", "lundi"),
          List.of("avec anna", "avec l equipe", "avec mon frere", "avec un ami", "avec les voisins",
              "avec mon patron"),
          List.of("", "pourriez-vous s il vous plait", "salut", "c est urgent"),
          "on fait", "je pensais a", "dis-moi ce que tu en penses",
          List.of("qui est partant pour", "ca te dit", "et si on"),
          List.of("mdr", "bon", "bref", "euh", "ouais", "stp")),
      new Lexicon("de",
          List.of("zu hause", "in der stadt", "im buero", "im park", "im verein", "am bahnhof",
              "im einkaufszentrum", "in der schule"),
          List.of("heute", "morgen", "heute abend", "am wochenende", "naechste woche", "am montag"),
          List.of("mit anna", "mit dem team", "mit meinem bruder", "mit einem freund", "mit den nachbarn",
              "mit meinem chef"),
          List.of("", "koennten sie bitte", "hey du", "dringend"),
          "machen wir", "ich dachte an", "sag mir was du denkst",
          List.of("wer hat lust auf", "bock auf", "wie waere es mit"),
          List.of("haha", "also", "naja", "hm", "jo", "bitte")),
      new Lexicon("it",
          List.of("a casa", "in centro", "in ufficio", "al parco", "al club", "vicino alla stazione",
              "al centro commerciale", "a scuola"),
          List.of("oggi", "domani", "stasera", "questo fine settimana", "la prossima settimana", "lunedi"),
          List.of("con anna", "con la squadra", "con mio fratello", "con un amico", "con i vicini",
              "con il mio capo"),
          List.of("", "potrebbe per favore", "ciao", "urgente"),
          "facciamo", "pensavo a", "fammi sapere cosa ne pensi",
          List.of("chi ha voglia di", "ti va", "che ne dici di"),
          List.of("ahah", "allora", "boh", "mah", "si", "dai")));

  public static Topic topic(int index) {
    return TOPICS.get(index);
  }

  public static Lexicon language(int index) {
    return LANGUAGES.get(index);
  }

  /** Index of a language code, or -1. */
  public static int languageIndex(String code) {
    for (int i = 0; i < LANGUAGES.size(); i++) {
      if (LANGUAGES.get(i).code().equals(code)) {
        return i;
      }
    }
    return -1;
  }

  /** Topics of the same family, other than {@code topic}. */
  public static int[] siblings(int topic) {
    String family = TOPICS.get(topic).family();
    return java.util.stream.IntStream.range(0, TOPICS.size())
        .filter(t -> t != topic && TOPICS.get(t).family().equals(family))
        .toArray();
  }

  /** Number of distinct synthetic messages the space holds. */
  public static long spaceSize() {
    long perTopic = (long) SUBJECTS * LANGUAGES.size() * TONES.size() * TIMES;
    // short messages carry no place or counterpart; medium and long carry both
    return TOPICS.size() * perTopic * (1 + 2L * PLACES * COUNTERPARTS);
  }
}
