package org.dpcurate.discovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The public token alphabet of string discovery: V words (a built-in prompt word list, then generated pronounceable
 * words) and the end marker, token V. Servers extend prefixes by these tokens; devices encode their strings in
 * them. Strings are handled as token arrays padded with the end marker.
 */
public final class PromptVocabulary implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String CONSONANTS = "bdfgklmnprstvz";
  private static final String VOWELS = "aeiou";
  /** Largest vocabulary: tokens are stored as chars in candidate keys. */
  public static final int MAX_SIZE = 60_000;

  private final String[] words;
  private transient Map<String, Integer> tokenOf;

  private PromptVocabulary(String[] words) {
    this.words = words;
  }

  /** The first {@code size} words: the built-in list, then generated words "bako", "bake", ... */
  public static PromptVocabulary ofSize(int size) {
    if (size < 2 || size > MAX_SIZE) {
      throw new IllegalArgumentException("vocabulary.size must be in [2, " + MAX_SIZE + "], got: " + size);
    }
    List<String> out = new ArrayList<>(builtIn());
    Set<String> seen = new HashSet<>(out);
    for (int i = 0; out.size() < size; i++) {
      String w = generated(i);
      if (seen.add(w)) {
        out.add(w);
      }
    }
    return new PromptVocabulary(out.subList(0, size).toArray(String[]::new));
  }

  private static List<String> builtIn() {
    List<String> out = new ArrayList<>();
    try (InputStream in = PromptVocabulary.class.getResourceAsStream("prompt-words.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String w = line.trim();
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(w);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Two or more consonant-vowel syllables spelling {@code i}: unique per i. */
  private static String generated(int i) {
    int syllables = CONSONANTS.length() * VOWELS.length();
    StringBuilder w = new StringBuilder();
    int rest = i + syllables;
    while (rest > 0) {
      int s = rest % syllables;
      w.append(CONSONANTS.charAt(s / VOWELS.length())).append(VOWELS.charAt(s % VOWELS.length()));
      rest /= syllables;
    }
    return w.toString();
  }

  /** V, the number of words. */
  /**
   * A device's string as word tokens, or null when a word is not in the vocabulary (the string cannot be
   * discovered; the device sends absent reports). Normalization: lower case (the ROOT locale), split on runs of
   * whitespace, empty words dropped.
   */
  public int[] tokensOf(String text) {
    String[] parts = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
    if (parts.length == 1 && parts[0].isEmpty()) {
      return new int[0];
    }
    Map<String, Integer> index = index();
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Integer t = index.get(parts[i]);
      if (t == null) {
        return null;
      }
      out[i] = t;
    }
    return out;
  }

  /** Word to token, built on first use (a client encodes one string per round with the same vocabulary). */
  private Map<String, Integer> index() {
    if (tokenOf == null) {
      Map<String, Integer> index = new HashMap<>();
      for (int t = 0; t < words.length; t++) {
        index.putIfAbsent(words[t], t);
      }
      tokenOf = index;
    }
    return tokenOf;
  }

  public int size() {
    return words.length;
  }

  /** The end-marker token, V. */
  public int end() {
    return words.length;
  }

  /** V + 1: the words and the end marker. */
  public int tokens() {
    return words.length + 1;
  }

  public String word(int token) {
    return words[token];
  }

  /** The words of {@code tokens} up to the first end marker, joined by single spaces. */
  public String text(int[] tokens) {
    StringBuilder out = new StringBuilder();
    for (int t : tokens) {
      if (t == end()) {
        break;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(words[t]);
    }
    return out.toString();
  }

  /** Number of words before the first end marker. */
  public int wordCount(int[] tokens) {
    int n = 0;
    while (n < tokens.length && tokens[n] != end()) {
      n++;
    }
    return n;
  }

  /** {@code words} padded with end markers to {@code length} tokens. */
  public int[] padded(int[] words, int length) {
    if (words.length >= length) {
      throw new IllegalArgumentException("a string of " + words.length + " words does not fit " + length
          + " tokens with its end marker");
    }
    int[] out = java.util.Arrays.copyOf(words, length);
    java.util.Arrays.fill(out, words.length, length, end());
    return out;
  }

  /** A compact map key for the first {@code length} tokens. */
  public static String key(int[] tokens, int length) {
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = (char) tokens[i];
    }
    return new String(c);
  }
}
