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
