package org.dpcurate.jobs.warehouse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;

/**
 * A small input file of records read on the driver: JSON lines ({@code .jsonl}, {@code .json}, {@code .ndjson}:
 * UTF-8, one object a line, LF or CRLF, blank lines ignored) or Parquet (a file or a directory). Strict: invalid
 * UTF-8 (a byte-order mark included), a line that is not one JSON object or has a key twice fails the read naming
 * the row; every record must have {@code required}.
 */
public final class RecordFile {
  private RecordFile() {}

  /** What the caller does with each record: its 1-based row number and its fields (only {@code columns}). */
  public interface Consumer {
    void accept(int row, Map<String, Object> fields);
  }

  /**
   * Reads {@code path}'s records (their {@code columns}; others are ignored), {@code what} naming the file in
   * errors; fails (exit 3) when no record has {@code required}.
   */
  public static void read(Warehouse w, String path, String what, List<String> columns, String required,
      Consumer consumer) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".jsonl") || p.endsWith(".json") || p.endsWith(".ndjson")) {
      jsonLines(w, path, what, columns, required, consumer);
    } else {
      parquet(w, path, what, columns, required, consumer);
    }
  }

  private static void jsonLines(Warehouse w, String path, String what, List<String> columns, String required,
      Consumer consumer) {
    JsonObjectLine json = new JsonObjectLine();
    byte[] bytes = w.readBytes(path);
    boolean sawRequired = false;
    int objects = 0;
    int row = 0;
    for (int from = 0; from < bytes.length; ) {
      int to = from;
      while (to < bytes.length && bytes[to] != '\n') {
        to++;
      }
      row++;
      String line = utf8(bytes, from, to > from && bytes[to - 1] == '\r' ? to - 1 : to, what, path, row);
      from = to + 1;
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> all;
      try {
        all = json.parse(line);
      } catch (JsonObjectLine.NotAnObjectException e) {
        throw bad(what, path, row, e.getMessage());
      }
      objects++;
      sawRequired |= all.containsKey(required);
      Map<String, Object> fields = new LinkedHashMap<>();
      for (String c : columns) {
        fields.put(c, all.get(c));
      }
      consumer.accept(row, fields);
    }
    if (objects == 0) {
      throw new JobException(ExitCode.MISSING_INPUT, what + " at " + path + " is empty");
    }
    if (!sawRequired) {
      throw new JobException(ExitCode.MISSING_INPUT, what + " at " + path + " have no " + required + " field");
    }
  }

  private static void parquet(Warehouse w, String path, String what, List<String> columns, String required,
      Consumer consumer) {
    Dataset<Row> df = ParquetInput.read(w, path, null);
    List<String> present = Arrays.asList(df.columns());
    if (!present.contains(required)) {
      throw new JobException(ExitCode.MISSING_INPUT, what + " at " + path + " lack the " + required
          + " column; found " + present);
    }
    List<String> known = columns.stream().filter(present::contains).toList();
    List<Row> rows = ParquetInput.reading(path, () -> df.select(known.stream().map(df::col).toArray(Column[]::new))
        .collectAsList());
    if (rows.isEmpty()) {
      throw new JobException(ExitCode.MISSING_INPUT, what + " at " + path + " is empty");
    }
    int row = 0;
    for (Row r : rows) {
      row++;
      Map<String, Object> fields = new LinkedHashMap<>();
      for (String c : columns) {
        fields.put(c, known.contains(c) ? r.get(known.indexOf(c)) : null);
      }
      consumer.accept(row, fields);
    }
  }

  private static String utf8(byte[] bytes, int from, int to, String what, String path, int row) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
      if (s.startsWith("\uFEFF")) {
        throw bad(what, path, row, "starts with a byte-order mark (UTF-8 without one is expected)");
      }
      return s;
    } catch (CharacterCodingException e) {
      throw bad(what, path, row, "not valid UTF-8");
    }
  }

  /** The failure of row {@code row} of {@code path}: exit 3, naming the file, the row and why. */
  public static JobException bad(String what, String path, int row, String why) {
    return new JobException(ExitCode.MISSING_INPUT, what + " at " + path + ", row " + row + ": " + why);
  }
}
