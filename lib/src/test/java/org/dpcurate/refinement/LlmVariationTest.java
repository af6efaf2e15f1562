package org.dpcurate.refinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dpcurate.synthesis.Candidate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The llm variation's plumbing on a random-weight model written by the test: it loads a GGUF file, the same seed
 * gives the same text, the token cap and the timeout bound each completion, and a variation stays in its parent's
 * label. (Its text is noise: no real model can be downloaded here.)
 */
class LlmVariationTest {
  @TempDir
  static Path dir;
  private static Path model;

  @BeforeAll
  static void writeModel() throws Exception {
    model = RandomWeightsGguf.write(dir.resolve("random.gguf"), 64, 2, 4, 128, 285, 1);
  }

  private static Candidate parent() {
    return new Candidate(Candidate.idOf("news", "The jury praised the election."), 1, null, 0,
        "The jury praised the election.", null, new float[] {1, 0}, "news");
  }

  @Test
  void theSameSeedGivesTheSameVariationInTheParentsLabel() {
    LlmVariation llm = new LlmVariation(model, 24, 10_000, 0.5);
    Candidate a = llm.vary(parent(), 2, 0.8, new SplittableRandom(5));
    Candidate c = llm.vary(parent(), 2, 0.8, new SplittableRandom(6));
    llm.complete("Rewrite: another message\nRewrite:", 7, 1f);
    Candidate b = llm.vary(parent(), 2, 0.8, new SplittableRandom(5));
    assertEquals(a.text(), b.text(), "the same seed, the same text, whatever the model completed in between");
    assertNotEquals(a.text(), c.text(), "another seed, another sample");
    assertEquals("news", a.label());
    assertEquals(Candidate.idOf("news", a.text()), a.id());
    assertEquals(parent().id(), a.parentId());
  }

  @Test
  void theTokenCapAndTheTimeoutBoundACompletion() {
    // A token of this vocabulary is at most two characters ("\u2581" and a letter): 3 tokens are at most 6.
    String capped = new LlmVariation(model, 3, 10_000, 0.5).complete("Rewrite: hello\nRewrite:", 1, 1f);
    assertTrue(capped.length() <= 6, capped);
    long start = System.nanoTime();
    new LlmVariation(model, 2000, 1, 0.5).complete("Rewrite: hello\nRewrite:", 2, 1f);
    assertTrue((System.nanoTime() - start) / 1e9 < 2, "a 1 ms timeout stops a 2,000-token completion early");
  }

  @Test
  void embeddingVariationsAndMissingModelsAreRefused() {
    LlmVariation llm = new LlmVariation(model, 8, 1000, 0.5);
    Candidate tilde = new Candidate("e1", 1, null, 0, "~text", null, new float[] {1, 0});
    assertNull(llm.vary(tilde, 2, 1, new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> new LlmVariation(dir.resolve("none.gguf"), 8, 1000, 0.5));
  }
}
