package org.dpcurate.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.dpcurate.ProtocolDocument;
import org.junit.jupiter.api.Test;

/** The string-discovery vectors of docs/protocol.md, read from the document itself. */
class DiscoveryProtocolVectorsTest {
  private static final PromptVocabulary VOCABULARY = PromptVocabulary.ofSize(1000);

  private static int[] tokens(String text) {
    String[] words = text.split(" ");
    int[] out = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      out[i] = -1;
      for (int t = 0; t < VOCABULARY.size(); t++) {
        if (VOCABULARY.word(t).equals(words[i])) {
          out[i] = t;
        }
      }
      assertTrue(out[i] >= 0, words[i] + " is not in the vocabulary");
    }
    return out;
  }

  @Test
  void fragmentVectors() throws IOException {
    List<String[]> rows = ProtocolDocument.rows(line -> line.startsWith("| fragment | `"));
    assertTrue(rows.size() >= 5, "expected the fragment vectors table");
    for (String[] r : rows) {
      String text = r[1].trim().replace("`", "");
      FragmentEncoder encoder = new FragmentEncoder(VOCABULARY, 6, Integer.parseInt(r[3].trim()),
          Long.parseLong(r[2].trim()));
      int hash = Integer.parseInt(r[4].trim());
      int position = Integer.parseInt(r[5].trim());
      int token = Integer.parseInt(r[6].trim());
      int value = Integer.parseInt(r[7].trim());
      assertEquals(hash, encoder.shortHash(text), text);
      int[] words = tokens(text);
      assertEquals(position < words.length ? words[position] : VOCABULARY.end(), token, text + " at " + position);
      assertEquals(value, encoder.value(position, hash, token));
      assertEquals(position, encoder.position(value));
      assertEquals(hash, encoder.hash(value));
      assertEquals(token, encoder.token(value));
    }
    assertEquals("gufi", VOCABULARY.word(998));
    assertEquals("kafi", VOCABULARY.word(999));
  }

  /** The device draws the position from its stream; every position's value decodes back to the string's token. */
  @Test
  void devicesReportOneOfTheirFragments() {
    FragmentEncoder encoder = new FragmentEncoder(VOCABULARY, 6, 8, 0L);
    int[] words = tokens("cat in space");
    SplittableRandom rng = new SplittableRandom(1);
    boolean[] seen = new boolean[6];
    for (int i = 0; i < 600; i++) {
      int v = encoder.valueOf(words, rng);
      int l = encoder.position(v);
      seen[l] = true;
      assertEquals(l < 3 ? words[l] : VOCABULARY.end(), encoder.token(v));
      assertEquals(encoder.shortHash("cat in space"), encoder.hash(v));
    }
    for (boolean s : seen) {
      assertTrue(s, "every position is drawn");
    }
  }
}
