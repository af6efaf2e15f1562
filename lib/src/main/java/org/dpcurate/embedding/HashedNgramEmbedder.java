package org.dpcurate.embedding;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.dpcurate.hash.XxHash64;

/**
 * A deterministic text embedder that needs no model: word unigrams, word bigrams and character trigrams are
 * hashed (XXH64) into a signed sparse random projection of dimension d, then L2-normalized. Shared function
 * words and character trigrams carry language, the number of template words carries length. Fast, for tests.
 *
 * <p>Bag-of-words geometry ranks "tennis at the park tomorrow" nearer to "soccer at the park tomorrow" than to
 * "tennis tonight", the reverse of what a semantic model does. Given {@link Concept}s (known subject phrases), it
 * also adds features for their subject, topic and family; with the simulation's own taxonomy as concepts it is an
 * oracle that knows the hidden categories, kept only to compare against a real model.
 */
public final class HashedNgramEmbedder implements Embedder {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_DIMENSION = 256;
  private static final long DEFAULT_SEED = 0x5EEDL;
  private static final int PROJECTIONS = 2;
  private static final float WORD_WEIGHT = 1.0f;
  private static final float BIGRAM_WEIGHT = 0.5f;
  private static final float TRIGRAM_WEIGHT = 0.25f;

  private static final float SUBJECT_WEIGHT = 2.0f;
  private static final float TOPIC_WEIGHT = 2.0f;
  private static final float FAMILY_WEIGHT = 1.0f;

  private final int dimension;
  private final long seed;
  private final List<Concept> concepts;

  /** Bag-of-n-grams only: no concept features. */
  public HashedNgramEmbedder(int dimension, long seed) {
    this(dimension, seed, List.of());
  }

  /** @param concepts phrases that add subject, topic and family features where they occur (may be empty) */
  public HashedNgramEmbedder(int dimension, long seed, List<Concept> concepts) {
    if (dimension < 8 || dimension > 1 << 16) {
      throw new IllegalArgumentException("embedding dimension must be in [8, 65536], got: " + dimension);
    }
    this.dimension = dimension;
    this.seed = seed;
    this.concepts = List.copyOf(concepts);
  }

  /** The default dimension and seed, no concepts. */
  public static HashedNgramEmbedder plain() {
    return new HashedNgramEmbedder(DEFAULT_DIMENSION, DEFAULT_SEED, List.of());
  }

  /** The default dimension and seed with {@code concepts}. */
  public static HashedNgramEmbedder withConcepts(List<Concept> concepts) {
    return new HashedNgramEmbedder(DEFAULT_DIMENSION, DEFAULT_SEED, concepts);
  }

  @Override
  public String name() {
    return (concepts.isEmpty() ? "ngram-" : "taxonomy-oracle-") + dimension + "-" + Long.toHexString(seed);
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    float[] v = new float[dimension];
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    String previous = null;
    for (String w : words) {
      if (w.isEmpty()) {
        continue;
      }
      add(v, "w:" + w, WORD_WEIGHT);
      if (previous != null) {
        add(v, "b:" + previous + " " + w, BIGRAM_WEIGHT);
      }
      String padded = "^" + w + "$";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        add(v, "t:" + padded.substring(i, i + 3), TRIGRAM_WEIGHT);
      }
      previous = w;
    }
    if (!concepts.isEmpty()) {
      String padded = " " + String.join(" ", words) + " ";
      for (Concept c : concepts) {
        if (padded.contains(c.phrase())) {
          add(v, "s:" + c.phrase(), SUBJECT_WEIGHT);
          add(v, "p:" + c.topic(), TOPIC_WEIGHT);
          add(v, "f:" + c.family(), FAMILY_WEIGHT);
        }
      }
    }
    return Vectors.normalize(v);
  }

  private void add(float[] v, String feature, float weight) {
    byte[] bytes = feature.getBytes(StandardCharsets.UTF_8);
    for (int p = 0; p < PROJECTIONS; p++) {
      long h = XxHash64.hash(bytes, seed + p);
      int index = (int) Long.remainderUnsigned(h >>> 1, dimension);
      v[index] += (h & 1) == 0 ? weight : -weight;
    }
  }
}
