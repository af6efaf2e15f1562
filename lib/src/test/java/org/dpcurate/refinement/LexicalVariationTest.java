package org.dpcurate.refinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.dpcurate.synthesis.Candidate;
import org.junit.jupiter.api.Test;

/** WordNet variation: seeded, word swaps from the dictionary in base forms only, recombination, the radius. */
class LexicalVariationTest {
  private static final LexicalVariation LEXICAL = new LexicalVariation(0.5);

  private static Candidate candidate(String text, String label, float[] embedding) {
    return new Candidate(Candidate.idOf(label, text), 1, null, 0, text, null, embedding, label);
  }

  @Test
  void theSameSeedGivesTheSameVariationAndTheChildStaysInItsParentsLabel() {
    Candidate parent = candidate("The jury praised the election and the investigation.", "press",
        new float[] {1, 0});
    Candidate a = LEXICAL.vary(parent, 2, 1.0, new SplittableRandom(7));
    Candidate b = LEXICAL.vary(parent, 2, 1.0, new SplittableRandom(7));
    assertEquals(a.text(), b.text());
    assertNotEquals(parent.text(), a.text());
    assertEquals("press", a.label());
    assertEquals(Candidate.idOf("press", a.text()), a.id());
    assertEquals(parent.id(), a.parentId());
    assertEquals(1, a.generation());
    assertNull(a.embedding(), "embedded later, in the refiner's batch");
  }

  @Test
  void swapsAreWordNetSynonymsOrHypernymsOfBaseFormsWithCapitalizationKept() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 50; i++) {
      String out = LEXICAL.swapWords("Investigation", 1.0, rng);
      assertTrue(List.of("Probe", "Inquiry", "Enquiry", "Research", "Work", "Activity", "Investigating",
          "Examination", "Scrutiny").contains(out), out);
    }
    // "went" is an inflected verb: no swap invents its tense, and "the"/"and" are never swapped.
    assertNull(LEXICAL.swapWords("went the and", 1.0, new SplittableRandom(2)));
    String plural = LEXICAL.swapWords("elections", 1.0, new SplittableRandom(3));
    assertTrue(plural.endsWith("s"), plural);
  }

  @Test
  void recombinationJoinsTheFirstHalfOfOneTextWithTheSecondHalfOfItsPartner() {
    assertEquals("One. Two. Six.", LexicalVariation.recombine("One. Two. Three.", "Four. Five. Six."));
    assertEquals("Alpha. Delta.", LexicalVariation.recombine("Alpha.", "Gamma. Delta."));
    assertNull(LexicalVariation.recombine("Alpha.", "Alpha."), "nothing new");
  }

  @Test
  void aVariationIsKeptOnlyWithinTheRadiusOfItsParent() {
    Candidate parent = candidate("Quick report", null, new float[] {1, 0});
    assertTrue(LEXICAL.keeps(parent, candidate("Fast report", null, new float[] {0.8f, 0.6f})));
    assertFalse(LEXICAL.keeps(parent, candidate("Slow fish", null, new float[] {0.3f, 0.954f})));
  }

  @Test
  void anEmbeddingVariationHasNoTextToVary() {
    assertNull(LEXICAL.vary(candidate("~The jury", null, new float[] {1, 0}), 2, 1.0, new SplittableRandom(4)));
  }
}
