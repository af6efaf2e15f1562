package org.dpcurate.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real model loads from its jar, offline, and embeds fixed sentences to within 1e-4 of the vectors it gave
 * when they were recorded ({@code minilm-reference-vectors.tsv}: sentence, tab, 384 comma-separated floats; any
 * change of model, runtime or tokenizer shows here). Also: unit length, sensible semantics, and a text's vector
 * does not depend on how many threads embedded it.
 */
class MiniLmEmbedderTest {
  private static final MiniLmEmbedder MODEL = new MiniLmEmbedder();

  record Reference(String text, float[] vector) {}

  static List<Reference> references() throws IOException {
    List<Reference> out = new ArrayList<>();
    try (InputStream in = MiniLmEmbedderTest.class.getResourceAsStream("/minilm-reference-vectors.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] parts = line.split("\t");
        String[] values = parts[1].split(",");
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = Float.parseFloat(values[i]);
        }
        out.add(new Reference(parts[0], v));
      }
    }
    return out;
  }

  @Test
  void embedsTheRecordedSentencesToTheRecordedVectors() throws IOException {
    List<Reference> refs = references();
    assertEquals(4, refs.size());
    for (Reference r : refs) {
      float[] v = MODEL.embed(r.text());
      assertEquals(MiniLmEmbedder.DIMENSION, v.length);
      assertArrayEquals(r.vector(), v, 1e-4f, r.text());
      assertEquals(1.0, Vectors.dot(v, v), 1e-5, "unit length");
    }
  }

  @Test
  void nearerInMeaningIsNearerInSpace() {
    float[] tennis = MODEL.embed("Want to play tennis tomorrow afternoon?");
    float[] soccer = MODEL.embed("Shall we play soccer at the park tomorrow?");
    float[] invoice = MODEL.embed("Your invoice for November is attached.");
    assertTrue(Vectors.dot(tennis, soccer) > Vectors.dot(tennis, invoice) + 0.3,
        "tennis-soccer " + Vectors.dot(tennis, soccer) + " vs tennis-invoice " + Vectors.dot(tennis, invoice));
  }

  @Test
  void aTextsVectorDoesNotDependOnHowManyThreadsEmbedded() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      texts.add("message number " + i + " about lunch at " + (i % 7) + " pm");
    }
    float[][] parallel = MODEL.embedAll(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertArrayEquals(MODEL.embed(texts.get(i)), parallel[i], texts.get(i));
    }
  }

  @Test
  void theNameAndDimensionIdentifyTheModel() {
    assertEquals("all-minilm-l6-v2-q", MODEL.name());
    assertEquals(384, MODEL.dimension());
  }
}
