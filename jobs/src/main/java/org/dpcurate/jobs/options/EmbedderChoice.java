package org.dpcurate.jobs.options;

import java.util.Locale;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.embedding.HashedNgramEmbedder;
import org.dpcurate.embedding.MiniLmEmbedder;
import org.dpcurate.synthesis.ConceptLexicon;

/** Which embedder places texts in space ({@code --embedder}). Devices must embed with the same one. */
public enum EmbedderChoice {
  /** The real sentence-embedding model, all-MiniLM-L6-v2 (quantized, 384 dimensions): the default. */
  MINILM,
  /** Hashed word and character n-grams (256 dimensions): no model, fast, for tests. */
  NGRAM,
  /** N-grams plus features for the simulation's own taxonomy: an oracle that knows the hidden categories. */
  TAXONOMY_ORACLE;

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether embedding is costly enough to go through the executors and the warehouse's embedding cache. */
  public boolean cached() {
    return this == MINILM;
  }

  public Embedder embedder() {
    return switch (this) {
      case MINILM -> new MiniLmEmbedder();
      case NGRAM -> HashedNgramEmbedder.plain();
      case TAXONOMY_ORACLE -> ConceptLexicon.taxonomyOracleEmbedder();
    };
  }
}
