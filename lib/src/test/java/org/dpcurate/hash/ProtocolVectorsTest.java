package org.dpcurate.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dpcurate.ProtocolDocument;
import org.junit.jupiter.api.Test;

/** The hash test vectors published in docs/protocol.md, read from the document itself. */
class ProtocolVectorsTest {
  private static List<String[]> rows(String firstCell) {
    return ProtocolDocument.rows(line -> line.startsWith("| " + firstCell + " |"));
  }

  @Test
  void byteVectors() throws IOException {
    List<String[]> rows = rows("bytes");
    assertTrue(rows.size() >= 8, "expected the byte vectors table");
    for (String[] r : rows) {
      String input = r[1].trim().replace("`", "");
      long seed = Long.parseLong(r[2].trim());
      long expected = Long.parseUnsignedLong(r[3].trim(), 16);
      assertEquals(expected, XxHash64.hash(input.getBytes(StandardCharsets.UTF_8), seed), "bytes " + input);
    }
  }

  @Test
  void candidateVectors() throws IOException {
    List<String[]> rows = ProtocolDocument.rows(line -> line.matches("\\| -?\\d+ \\| \\d+ \\| [0-9a-f]{16} \\|.*"));
    assertTrue(rows.size() >= 8, "expected the candidate vectors table");
    for (String[] r : rows) {
      int v = Integer.parseInt(r[0].trim());
      long seed = Long.parseLong(r[1].trim());
      long expected = Long.parseUnsignedLong(r[2].trim(), 16);
      assertEquals(expected, XxHash64.hashInt(v, seed), "v=" + v + " seed=" + seed);
      byte[] le = {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
      assertEquals(expected, XxHash64.hash(le, seed), "hashInt must equal hash(le32(v))");
      assertEquals(Integer.parseInt(r[3].trim()), XxHash64.bucket(v, seed, 1024));
      assertEquals(Integer.parseInt(r[4].trim()), XxHash64.bucket(v, seed, 8));
    }
  }

  @Test
  void intShortcutEqualsHashOfLittleEndianBytes() {
    for (int v = -1000; v < 1000; v += 7) {
      byte[] le = {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
      assertEquals(XxHash64.hash(le, v * 3L), XxHash64.hashInt(v, v * 3L));
    }
  }
}
