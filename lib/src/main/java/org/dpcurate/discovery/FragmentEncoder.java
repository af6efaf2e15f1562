package org.dpcurate.discovery;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.dpcurate.hash.XxHash64;

/**
 * The Sequence Fragment Puzzle's device side: the device picks a word position l uniformly and reports the triple
 * (l, h, token at l), where h is a short hash of its whole string tying the fragments of one string together. The
 * triple is one value of a domain of W x 2^bits x (V + 1), encoded with a count-mean sketch.
 */
public final class FragmentEncoder implements PromptEncoder {
  private static final long serialVersionUID = 1L;

  private final PromptVocabulary vocabulary;
  private final int positions;
  private final int hashBits;
  private final long hashSalt;

  /**
   * @param positions W, the public maximum string length in words
   * @param hashBits bits of the short hash, 1..16
   */
  public FragmentEncoder(PromptVocabulary vocabulary, int positions, int hashBits, long hashSalt) {
    if (hashBits < 1 || hashBits > 16) {
      throw new IllegalArgumentException("fragment hash bits must be in [1, 16], got: " + hashBits);
    }
    this.vocabulary = vocabulary;
    this.positions = positions;
    this.hashBits = hashBits;
    this.hashSalt = hashSalt;
  }

  /** The short hash of a string's text: the low {@code hashBits} bits of XXH64(UTF-8 text, salt). */
  public int shortHash(String text) {
    return (int) (XxHash64.hash(text.getBytes(StandardCharsets.UTF_8), hashSalt) & ((1L << hashBits) - 1));
  }

  @Override
  public int valueOf(int[] words, SplittableRandom rng) {
    int l = rng.nextInt(positions);
    int token = l < words.length ? words[l] : vocabulary.end();
    int n = Math.min(words.length, positions);
    int[] kept = n == words.length ? words : java.util.Arrays.copyOf(words, n);
    return value(l, shortHash(vocabulary.text(kept)), token);
  }

  public int value(int position, int hash, int token) {
    return ((position << hashBits) | hash) * vocabulary.tokens() + token;
  }

  public int position(int value) {
    return (value / vocabulary.tokens()) >>> hashBits;
  }

  public int hash(int value) {
    return (value / vocabulary.tokens()) & ((1 << hashBits) - 1);
  }

  public int token(int value) {
    return value % vocabulary.tokens();
  }

  /** W x 2^bits x (V + 1). */
  public long domainSize() {
    return ((long) positions << hashBits) * vocabulary.tokens();
  }

  public int positions() {
    return positions;
  }

  public int hashBits() {
    return hashBits;
  }
}
