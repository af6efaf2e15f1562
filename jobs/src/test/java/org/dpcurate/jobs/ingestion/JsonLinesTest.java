package org.dpcurate.jobs.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.jobs.estimation.Rejection;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.junit.jupiter.api.Test;

/**
 * A line of printable ASCII is parsed from its bytes and any other line from its strictly decoded text: both must
 * give the same report, or the same rejection with the same detail (a JSON syntax error's wording aside).
 */
class JsonLinesTest {
  private static final String SHA = "ab".repeat(32);
  private static final String NOT_JSON = "not one JSON object: ";
  private final FrequencyOracle oracle = FrequencyOracle.of(OracleConfig.grr(2.0, 30));
  private final UploadRound round = new UploadRound(2.0, SHA, true, null, false);

  @Test
  void bytesAndTextGiveTheSameOutcomeForEveryLine() {
    String valid = UploadRecord.encode(UploadRecord.reportId(7, 11), SHA, oracle.randomize(4,
        new SplittableRandom(5)), 2.0);
    String body = valid.substring(0, valid.length() - 1);
    List<String> lines = List.of(valid,
        valid.replace(",", ",\t "),
        " " + valid + "\t",
        valid.substring(0, 40),
        valid + " {}",
        body + ",\"oracle\":\"GRR\"}",
        body + ",\"extra\":1}",
        body + ",\"extra\":\"caf\u00e9\"}",
        valid.replace("\"value\":", "\"value\":1.0,\"x\":"),
        valid.replace(SHA, "cd".repeat(32)),
        valid.replace("\"epsilon\":2.0", "\"epsilon\":3.0"),
        "[]", "\"report_id\"", "null", "{}", "{\"report_id\":\u0001}");
    UploadFormat.Decoder decoder = UploadFormat.JSON_LINES.decoder(oracle, round);
    UploadValidation text = new UploadValidation(oracle, round);
    int accepted = 0;
    for (String line : lines) {
      Row fromBytes = decoder.check("f", line.getBytes(StandardCharsets.UTF_8));
      Row fromText = text.check("f", line);
      assertEquals(fromText.size(), fromBytes.size(), line);
      boolean notJson = fromText.size() != ReportTable.COLUMNS.length && fromText.getString(3).startsWith(NOT_JSON);
      for (int i = 0; i < fromText.size(); i++) {
        // The JSON parser words a syntax error its own way for bytes and for text; the reason is the same.
        if (i != 3 || !notJson) {
          assertEquals(fromText.get(i), fromBytes.get(i), line);
        } else {
          assertTrue(fromBytes.getString(3).startsWith(NOT_JSON), line);
        }
      }
      accepted += fromBytes.size() == ReportTable.COLUMNS.length ? 1 : 0;
    }
    assertEquals(3, accepted, "the valid line, with tabs and spaces between tokens and around it");
    Row malformed = decoder.check("f", lines.get(3).getBytes(StandardCharsets.UTF_8));
    assertEquals(Rejection.MALFORMED.name(), malformed.getString(2));
    assertEquals(lines.get(3), malformed.getString(1));
    assertNotEquals(Rejection.MALFORMED.name(), decoder.check("f", lines.get(9).getBytes(StandardCharsets.UTF_8))
        .getString(2));
  }

  @Test
  void blankLinesAreNoUploadAndInvalidUtf8KeepsItsBytes() {
    UploadFormat.Decoder decoder = UploadFormat.JSON_LINES.decoder(oracle, round);
    assertNull(decoder.check("f", new byte[0]));
    assertNull(decoder.check("f", " \t ".getBytes(StandardCharsets.US_ASCII)));
    assertNull(decoder.check("f", "\u2003".getBytes(StandardCharsets.UTF_8)));
    Row invalid = decoder.check("f", new byte[] {'{', (byte) 0xc3, '}'});
    assertEquals(Rejection.MALFORMED.name(), invalid.getString(2));
    assertEquals("e8N9", invalid.getString(4));
  }
}
