package org.dpcurate.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A real device's string to tokens, as protocol.md "String discovery rounds" says. */
class PromptVocabularyTest {
  @Test
  void stringsAreLowerCasedSplitOnWhitespaceAndRefusedWithAnUnknownWord() {
    PromptVocabulary v = PromptVocabulary.ofSize(500);
    String a = v.word(3);
    String b = v.word(42);
    assertArrayEquals(new int[] {3, 42}, v.tokensOf("  " + a.toUpperCase(java.util.Locale.ROOT) + " \t " + b + "\n"));
    assertArrayEquals(new int[0], v.tokensOf("   "));
    assertNull(v.tokensOf(a + " zzzzqqq"), "a word outside the vocabulary cannot be discovered");
  }
}
