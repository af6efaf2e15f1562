package org.dpcurate.discovery;

import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A round's published candidate list: token sequences of one length (end-padded), and the device-side mapping of
 * a string to the candidate its first {@code length} tokens equal (or -1).
 */
public final class PrefixCandidates implements PromptEncoder {
  private static final long serialVersionUID = 1L;

  private final List<int[]> candidates;
  private final int length;
  private final int maxTokens;
  private final int end;
  private final HashMap<String, Integer> index = new HashMap<>();

  /**
   * @param candidates token sequences of {@code length} tokens each
   * @param maxTokens the public maximum string length in words, plus one for the end marker
   * @param end the end-marker token
   */
  public PrefixCandidates(List<int[]> candidates, int length, int maxTokens, int end) {
    this.candidates = List.copyOf(candidates);
    this.length = length;
    this.maxTokens = maxTokens;
    this.end = end;
    for (int i = 0; i < candidates.size(); i++) {
      int[] c = candidates.get(i);
      if (c.length != length) {
        throw new IllegalArgumentException("candidate " + i + " has " + c.length + " tokens, expected " + length);
      }
      if (index.put(PromptVocabulary.key(c, length), i) != null) {
        throw new IllegalArgumentException("candidate " + i + " is listed twice");
      }
    }
  }

  @Override
  public int valueOf(int[] words, SplittableRandom rng) {
    int[] padded = new int[length];
    for (int i = 0; i < length; i++) {
      // Strings longer than the public maximum are cut to it.
      padded[i] = i < words.length && i < maxTokens - 1 ? words[i] : end;
    }
    return index.getOrDefault(PromptVocabulary.key(padded, length), -1);
  }

  public List<int[]> candidates() {
    return candidates;
  }

  public int size() {
    return candidates.size();
  }

  public int length() {
    return length;
  }
}
