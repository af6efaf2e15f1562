package org.dpcurate.jobs.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.testing.LocalSpark;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real private text in: JSON lines and Parquet read the same, the split column or a seeded share holds messages
 * out, and every bad input of docs/schemas.md "Private messages" is a named failure or a counted skip.
 */
class PrivateMessagesTest {
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("private-messages-test");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private Warehouse warehouse() {
    return new Warehouse(dir.resolve("wh").toString(), spark);
  }

  private String jsonl(String name, List<String> lines) throws Exception {
    return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8).toString();
  }

  private static List<String> labelled(int n) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add("{\"text\":\"message number " + i + "\",\"label\":\"" + (i % 2 == 0 ? "a" : "b")
          + "\",\"language\":\"en\"}");
    }
    return lines;
  }

  @Test
  void aSeededShareIsHeldOutAndTheSameSeedHoldsOutTheSameMessages() throws Exception {
    String path = jsonl("m.jsonl", labelled(400));
    PrivateMessages.Split a = PrivateMessages.read(warehouse(), path, 0.25, 7);
    PrivateMessages.Split b = PrivateMessages.read(warehouse(), path, 0.25, 7);
    assertEquals(a.heldOut(), b.heldOut());
    assertEquals(400, a.devices().size() + a.heldOut().size());
    assertEquals(100, a.heldOut().size(), 26, "a quarter, within 3 sd");
    assertTrue(a.labelled());
    assertTrue(a.skipped().isEmpty());
  }

  @Test
  void theSplitColumnDecidesAndParquetReadsAsJsonLinesDo() throws Exception {
    StructType schema = new StructType().add("text", DataTypes.StringType).add("label", DataTypes.StringType)
        .add("split", DataTypes.StringType).add("weight", DataTypes.DoubleType);
    List<org.apache.spark.sql.Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(RowFactory.create("text " + i, i % 3 == 0 ? "x" : "y", i < 30 ? "test" : "train", 1.0 + i % 2));
    }
    String path = dir.resolve("m.parquet").toString();
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(path);
    PrivateMessages.Split s = PrivateMessages.read(warehouse(), path, 0.5, 1);
    assertEquals(30, s.heldOut().size());
    assertEquals(70, s.devices().size());
    assertTrue(s.heldOut().stream().allMatch(m -> "test".equals(m.split())));
    assertEquals(2.0, s.devices().get(1).weight());
  }

  @Test
  void rowsWithoutUsableTextAreSkippedAndCounted() throws Exception {
    List<String> lines = labelled(100);
    lines.add("{\"text\":null,\"label\":\"a\"}");
    lines.add("{\"text\":\"   \",\"label\":\"a\"}");
    lines.add("{\"label\":\"a\"}");
    lines.add("{\"text\":\"" + "x".repeat(PrivateMessages.MAX_TEXT_CHARS + 1) + "\",\"label\":\"a\"}");
    lines.add("{\"text\":\"no label here\"}");
    lines.add("");
    PrivateMessages.Split s = PrivateMessages.read(warehouse(), jsonl("m.jsonl", lines), 0.3, 2);
    assertEquals(100, s.devices().size() + s.heldOut().size());
    assertEquals(Map.of("no text", 3L, "text over " + PrivateMessages.MAX_TEXT_CHARS + " characters", 1L,
        "no label in a labelled file", 1L), s.skipped());
  }

  @Test
  void oneLabelIsNoLabel() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      lines.add("{\"text\":\"t" + i + "\",\"label\":\"only\"}");
    }
    assertFalse(PrivateMessages.read(warehouse(), jsonl("m.jsonl", lines), 0.3, 2).labelled());
  }

  @Test
  void badFilesFailNamingTheFileAndRow() throws Exception {
    Warehouse w = warehouse();
    assertRefused(w, jsonl("empty.jsonl", List.of()), "is empty");
    assertRefused(w, jsonl("notext.jsonl", List.of("{\"body\":\"hello\"}")), "no text field");
    assertRefused(w, jsonl("nulls.jsonl", List.of("{\"text\":null}", "{\"text\":\"\"}")), "no usable message");
    assertRefused(w, jsonl("type.jsonl", List.of("{\"text\":5}")), "row 1: text must be a string");
    assertRefused(w, jsonl("weight.jsonl", List.of("{\"text\":\"a\",\"weight\":0}")), "row 1: weight must be");
    assertRefused(w, jsonl("split.jsonl", List.of("{\"text\":\"a\",\"split\":\"dev\"}")), "split must be");
    assertRefused(w, jsonl("json.jsonl", List.of("{\"text\":\"a\"}", "{\"text\":")), "row 2: not one JSON");
    assertRefused(w, jsonl("null.jsonl", List.of("{\"text\":\"a\"}", "null")), "row 2: not one JSON object: null");
    assertRefused(w, jsonl("array.jsonl", List.of("[\"a\"]")), "row 1: not one JSON");
    Path latin1 = dir.resolve("latin1.jsonl");
    Files.write(latin1, "{\"text\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    assertRefused(w, latin1.toString(), "row 1: not valid UTF-8");
    Path bom = dir.resolve("bom.jsonl");
    Files.write(bom, "\uFEFF{\"text\":\"a\"}\n".getBytes(StandardCharsets.UTF_8));
    assertRefused(w, bom.toString(), "byte-order mark");
    assertRefused(w, jsonl("few.jsonl", labelled(10)), "need at least 1 and " + PrivateMessages.MIN_HELD_OUT);
    assertRefused(w, dir.resolve("missing.jsonl").toString(), "missing");
  }

  private static void assertRefused(Warehouse w, String path, String why) {
    JobException e = assertThrows(JobException.class, () -> PrivateMessages.read(w, path, 0.3, 1), path);
    assertEquals(ExitCode.MISSING_INPUT, e.exitCode(), e.getMessage());
    assertTrue(e.getMessage().contains(why) && e.getMessage().contains(path), e.getMessage());
  }
}
