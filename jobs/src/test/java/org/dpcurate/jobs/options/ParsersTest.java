package org.dpcurate.jobs.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Byte counts as --download-budget reads them: plain, decimal and binary units; anything else is refused. */
class ParsersTest {
  @ParameterizedTest
  @CsvSource({"262144, 262144", "256KiB, 262144", "1MiB, 1048576", "1MB, 1000000", "256KB, 256000",
      "'1,000,000', 1000000", "'2 MiB', 2097152"})
  void byteCounts(String text, long bytes) {
    assertEquals(bytes, Parsers.bytesIn(8, 1L << 40).parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"256kb", "1GB", "MiB", "-5", "1.5MB", "4"})
  void anythingElseIsRefusedWithExamples(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Parsers.bytesIn(8, 1L << 40).parse(text));
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }
}
