package org.dpcurate.embedding;

import java.io.Serializable;
import java.util.List;

/**
 * Maps a text to a unit vector so that texts of similar meaning are near each other. Devices and server must use
 * the same embedder: its {@link #name()} and {@link #dimension()} are published with every round's config.
 * Implementations are serializable and cheap to ship; a heavy model loads lazily, once per JVM.
 */
public interface Embedder extends Serializable {
  /** Identifies the model and its settings: equal names embed every text identically. */
  String name();

  int dimension();

  /** The L2-normalized embedding of {@code text}. */
  float[] embed(String text);

  /** Embeddings of {@code texts}, in order. */
  default float[][] embedAll(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = embed(texts.get(i));
    }
    return out;
  }
}
