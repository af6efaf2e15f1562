package org.dpcurate.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dpcurate.embedding.Concept;
import org.dpcurate.embedding.HashedNgramEmbedder;

/**
 * The taxonomy's subject phrases with their topic and family, as concepts for {@link HashedNgramEmbedder}. An
 * embedder given them knows the generator's own categories: an oracle that flatters any measure of how well the
 * curated set matches the population, kept only to compare against a real model.
 */
public final class ConceptLexicon {
  private ConceptLexicon() {}

  public static final List<Concept> CONCEPTS = build();

  /** The n-gram embedder with the taxonomy's concept features: the simulation's categories, known in advance. */
  public static HashedNgramEmbedder taxonomyOracleEmbedder() {
    return HashedNgramEmbedder.withConcepts(CONCEPTS);
  }

  private static List<Concept> build() {
    List<Concept> out = new ArrayList<>();
    for (Taxonomy.Topic t : Taxonomy.TOPICS) {
      for (String s : t.subjects()) {
        String words = String.join(" ", s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
        out.add(new Concept(" " + words + " ", t.name(), t.family()));
      }
    }
    return List.copyOf(out);
  }
}
