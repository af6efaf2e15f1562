package org.dpcurate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** The test vectors docs/protocol.md publishes, read from the document itself so the two cannot drift apart. */
public final class ProtocolDocument {
  private ProtocolDocument() {}

  /** The text of the fenced block of protocol.md opened by the line {@code fence} (e.g. "```text bundle-hex"). */
  public static String block(String fence) {
    try {
      List<String> lines = Files.readAllLines(Path.of("..", "docs", "protocol.md"));
      int start = lines.indexOf(fence);
      if (start < 0) {
        throw new IllegalStateException("protocol.md has no block " + fence);
      }
      StringBuilder text = new StringBuilder();
      for (int i = start + 1; !lines.get(i).equals("```"); i++) {
        text.append(lines.get(i)).append('\n');
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cells (untrimmed) of every table row of protocol.md whose line passes {@code line}. */
  public static List<String[]> rows(Predicate<String> line) {
    try {
      return Files.readAllLines(Path.of("..", "docs", "protocol.md")).stream()
          .filter(line)
          .map(l -> l.substring(1, l.length() - 1).split("\\|", -1))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
