package org.dpcurate.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashedNgramEmbedderTest {
  @Test
  void plainAndConceptEmbeddersAreNamedForWhatTheyAre() {
    HashedNgramEmbedder plain = HashedNgramEmbedder.plain();
    HashedNgramEmbedder oracle = HashedNgramEmbedder.withConcepts(List.of(new Concept(" tennis ", "racket", "sport")));
    assertTrue(plain.name().startsWith("ngram-"), plain.name());
    assertTrue(oracle.name().startsWith("taxonomy-oracle-"), oracle.name());
    assertNotEquals(plain.name(), oracle.name());
  }

  @Test
  void conceptsAddFeaturesOnlyWhereTheirPhraseOccurs() {
    HashedNgramEmbedder plain = HashedNgramEmbedder.plain();
    HashedNgramEmbedder oracle = HashedNgramEmbedder.withConcepts(List.of(new Concept(" tennis ", "racket", "sport")));
    assertArrayEquals(plain.embed("lunch at noon"), oracle.embed("lunch at noon"));
    float[] a = plain.embed("tennis at noon");
    float[] b = oracle.embed("tennis at noon");
    assertTrue(Vectors.dot(a, b) < 0.99, "concept features change the vector");
    assertEquals(1.0, Vectors.dot(b, b), 1e-5);
  }

  @Test
  void embedAllIsEmbedInOrder() {
    HashedNgramEmbedder e = HashedNgramEmbedder.plain();
    float[][] all = e.embedAll(List.of("one", "two", "three"));
    assertArrayEquals(e.embed("two"), all[1]);
    assertEquals(3, all.length);
  }
}
