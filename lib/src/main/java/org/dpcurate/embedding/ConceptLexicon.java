package org.dpcurate.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dpcurate.synthesis.Taxonomy;

/** The taxonomy's subject phrases with their topic and family, as the embedder's stand-in for semantics. */
final class ConceptLexicon {
  private ConceptLexicon() {}

  /** {@code phrase} is the subject's words, space-padded, so "pie" does not match inside "pies". */
  record Concept(String phrase, String topic, String family) {}

  static final List<Concept> CONCEPTS = build();

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
