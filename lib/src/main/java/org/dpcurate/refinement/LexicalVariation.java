package org.dpcurate.refinement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.PointerUtils;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.data.list.PointerTargetNode;
import net.sf.extjwnl.dictionary.Dictionary;
import org.dpcurate.embedding.Vectors;
import org.dpcurate.synthesis.Candidate;

/**
 * Varies any text with WordNet (3.1, read offline from its jar): content words are swapped for a synonym or, now
 * and then, a hypernym of one of their first senses, and a share of variations recombine sentences of the parent
 * with those of its nearest fellow parent (same label). A word is swapped only in its base form (or a noun's
 * plural in -s), so no inflection is invented; capitalization is kept. An embedded variation is kept only if it
 * stays within {@code minSimilarity} (cosine) of its parent: a swap that changes the meaning is dropped.
 */
public final class LexicalVariation implements VariationStrategy {
  /** The share of variations that recombine sentences rather than swap words. */
  static final double RECOMBINE_SHARE = 0.25;
  /** The share of swaps that take a hypernym (a more general word) rather than a synonym. */
  static final double HYPERNYM_SHARE = 0.3;
  /** The largest share of a text's content words one variation swaps, at strength 1. */
  static final double MAX_SWAP_SHARE = 0.3;
  /** Senses considered per word: the first ones are the common meanings. */
  private static final int SENSES = 2;

  private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['\u2019]\\p{L}+)?");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"\u201d)]?)\\s+");
  private static final Set<String> STOP = Set.of("that", "this", "with", "from", "have", "were", "been", "they",
      "their", "there", "which", "would", "could", "should", "about", "what", "when", "where", "will", "your",
      "more", "some", "than", "them", "then", "these", "those", "into", "only", "also", "very", "just", "such");

  private final Dictionary dictionary;
  private final double minSimilarity;
  private final Map<String, Options> alternatives = new HashMap<>();

  /** What a word may become: synonyms from its first senses, and hypernyms (more general words). */
  private record Options(List<String> synonyms, List<String> hypernyms) {
    boolean isEmpty() {
      return synonyms.isEmpty() && hypernyms.isEmpty();
    }

    String pick(RandomGenerator rng) {
      List<String> from = hypernyms.isEmpty() || (!synonyms.isEmpty() && rng.nextDouble() >= HYPERNYM_SHARE)
          ? synonyms : hypernyms;
      return from.get(rng.nextInt(from.size()));
    }
  }
  private final Map<String, Candidate> nearestParent = new HashMap<>();

  /** @param minSimilarity the smallest cosine between a kept variation and its parent, in [-1, 1) */
  public LexicalVariation(double minSimilarity) {
    if (!(minSimilarity >= -1 && minSimilarity < 1)) {
      throw new IllegalArgumentException("minSimilarity must be in [-1, 1), got: " + minSimilarity);
    }
    this.dictionary = WordNet.DICTIONARY;
    this.minSimilarity = minSimilarity;
  }

  /** The dictionary, loaded once per JVM (about a second). */
  private static final class WordNet {
    static final Dictionary DICTIONARY;

    static {
      try {
        DICTIONARY = Dictionary.getDefaultResourceInstance();
      } catch (JWNLException e) {
        throw new IllegalStateException("cannot load WordNet from its jar: " + e.getMessage(), e);
      }
    }
  }

  /** Each parent's nearest other parent of the same label: its partner for sentence recombination. */
  @Override
  public void prepare(List<Candidate> parents) {
    nearestParent.clear();
    for (Candidate p : parents) {
      Candidate best = null;
      double top = Double.NEGATIVE_INFINITY;
      for (Candidate q : parents) {
        if (q != p && Objects.equals(q.label(), p.label()) && !q.text().startsWith("~")) {
          double sim = Vectors.dot(p.embedding(), q.embedding());
          if (sim > top) {
            top = sim;
            best = q;
          }
        }
      }
      if (best != null) {
        nearestParent.put(p.id(), best);
      }
    }
  }

  @Override
  public Candidate vary(Candidate parent, int round, double strength, RandomGenerator rng) {
    if (parent.text().startsWith("~")) {
      return null; // an embedding variation has no text of its own to vary
    }
    String text = null;
    Candidate partner = nearestParent.get(parent.id());
    if (partner != null && rng.nextDouble() < RECOMBINE_SHARE) {
      text = recombine(parent.text(), partner.text());
    }
    if (text == null) {
      text = swapWords(parent.text(), strength, rng);
    }
    if (text == null) {
      return null;
    }
    return new Candidate(Candidate.idOf(parent.label(), text), round, parent.id(), parent.generation() + 1, text,
        null, null, parent.label());
  }

  @Override
  public boolean keeps(Candidate parent, Candidate embeddedChild) {
    return Vectors.dot(parent.embedding(), embeddedChild.embedding()) >= minSimilarity;
  }

  /**
   * The first half of {@code text}'s sentences followed by the second half of {@code partner}'s (less those it
   * already has); null when that is {@code text} again.
   */
  static String recombine(String text, String partner) {
    String[] own = SENTENCE_END.split(text.trim());
    String[] other = SENTENCE_END.split(partner.trim());
    int keep = Math.max(1, (own.length + 1) / 2);
    int take = Math.max(1, other.length / 2);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < keep; i++) {
      out.add(own[i]);
    }
    for (int i = other.length - take; i < other.length; i++) {
      if (!out.contains(other[i])) {
        out.add(other[i]);
      }
    }
    String joined = String.join(" ", out);
    return joined.equals(text.trim()) ? null : joined;
  }

  /**
   * {@code text} with 1 + strength x {@value #MAX_SWAP_SHARE} of its swappable words replaced; null when no word
   * can be swapped.
   */
  String swapWords(String text, double strength, RandomGenerator rng) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      if (!options(m.group()).isEmpty()) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    if (spans.isEmpty()) {
      return null;
    }
    int swaps = Math.min(spans.size(), 1 + (int) Math.floor(strength * MAX_SWAP_SHARE * spans.size()));
    // A seeded partial shuffle picks which words, then they are replaced from the end so offsets stay valid.
    for (int i = 0; i < swaps; i++) {
      int j = i + rng.nextInt(spans.size() - i);
      int[] t = spans.get(i);
      spans.set(i, spans.get(j));
      spans.set(j, t);
    }
    List<int[]> chosen = new ArrayList<>(spans.subList(0, swaps));
    chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
    StringBuilder out = new StringBuilder(text);
    for (int[] span : chosen) {
      String word = text.substring(span[0], span[1]);
      out.replace(span[0], span[1], styled(options(word).pick(rng), word));
    }
    return out.toString();
  }

  /** The words {@code word} may be swapped for (lower case, inflected as {@code word} is), cached per word. */
  private Options options(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.length() < 4 || STOP.contains(lower)) {
      return new Options(List.of(), List.of());
    }
    return alternatives.computeIfAbsent(lower, this::lookUp);
  }

  private Options lookUp(String lower) {
    Set<String> synonyms = new LinkedHashSet<>();
    Set<String> hypernyms = new LinkedHashSet<>();
    try {
      for (POS pos : POS.getAllPOS()) {
        IndexWord entry = dictionary.lookupIndexWord(pos, lower);
        if (entry == null) {
          continue;
        }
        String lemma = entry.getLemma();
        boolean plural = pos == POS.NOUN && lower.equals(lemma + "s");
        if (!lower.equals(lemma) && !plural) {
          continue; // an inflected form: a swap would have to invent its inflection
        }
        List<Synset> senses = entry.getSenses();
        for (int s = 0; s < Math.min(SENSES, senses.size()); s++) {
          Synset sense = senses.get(s);
          for (Word w : sense.getWords()) {
            add(synonyms, w.getLemma(), lemma, plural);
          }
          if (pos == POS.NOUN || pos == POS.VERB) {
            for (PointerTargetNode hyper : PointerUtils.getDirectHypernyms(sense)) {
              List<Word> words = hyper.getSynset().getWords();
              if (!words.isEmpty()) {
                add(hypernyms, words.get(0).getLemma(), lemma, plural);
              }
            }
          }
        }
      }
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup of '" + lower + "' failed: " + e.getMessage(), e);
    }
    return new Options(List.copyOf(synonyms), List.copyOf(hypernyms));
  }

  private static void add(Set<String> out, String candidate, String lemma, boolean plural) {
    String c = candidate.replace('_', ' ').toLowerCase(Locale.ROOT);
    if (!c.equals(lemma) && c.chars().allMatch(ch -> Character.isLetter(ch) || ch == ' ' || ch == '-')) {
      out.add(plural ? c + "s" : c);
    }
  }

  /** {@code replacement} capitalized as {@code original} is. */
  private static String styled(String replacement, String original) {
    if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))) {
      return replacement.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(original.charAt(0))) {
      return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
    }
    return replacement;
  }
}
