package org.dpcurate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.Report;
import org.junit.jupiter.api.Test;

/** The upload wire format: every oracle's reports round-trip, the documented examples decode, bad lines are named. */
class UploadRecordTest {
  private static final Pattern FIELD = Pattern.compile("\"([a-z_0-9]+)\":(\"[^\"]*\"|-?[0-9.]+)");

  /** A flat JSON object as a JSON parser would give it (strings, longs, doubles). */
  static Map<String, Object> parse(String line) {
    Map<String, Object> out = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(line);
    while (m.find()) {
      String v = m.group(2);
      out.put(m.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1)
          : v.contains(".") ? (Object) Double.parseDouble(v) : (Object) Long.parseLong(v));
    }
    return out;
  }

  @Test
  void everyOraclesReportsRoundTrip() {
    SplittableRandom rng = new SplittableRandom(3);
    for (OracleKind kind : OracleKind.values()) {
      OracleConfig config = kind == OracleKind.FLH ? OracleConfig.flh(3, 30, 1024, 0L)
          : OracleConfig.withDefaults(kind, 3, 30);
      FrequencyOracle oracle = FrequencyOracle.of(config);
      for (int i = 0; i < 200; i++) {
        Report report = oracle.randomize(rng.nextInt(30), rng);
        String id = UploadRecord.reportId(rng.nextLong(), rng.nextLong());
        String round = i % 2 == 0 ? null : UploadRecord.reportId(rng.nextLong(), rng.nextLong())
            + UploadRecord.reportId(rng.nextLong(), rng.nextLong());
        UploadRecord.Upload back = UploadRecord.decode(parse(UploadRecord.encode(id, round, report, 3.0)));
        assertEquals(report, back.report(), kind.name());
        assertEquals(id, back.reportId());
        assertEquals(round, back.configSha256());
        assertEquals(3.0, back.epsilon());
        oracle.validate(back.report());
      }
    }
  }

  @Test
  void theDocumentedExamplesDecodeAndEncodeBackToTheSameLine() throws Exception {
    List<String> examples = Files.readAllLines(Path.of("..", "docs", "protocol.md")).stream()
        .filter(l -> l.startsWith("{\"report_id\"") && !l.contains("<")).toList();
    assertEquals(6, examples.size(), "one example per oracle but CMS (whose bits are elided)");
    for (String line : examples) {
      UploadRecord.Upload u = UploadRecord.decode(parse(line));
      assertEquals(line, UploadRecord.encode(u.reportId(), u.configSha256(), u.report(), u.epsilon()));
      assertTrue(u.configSha256() != null, "a version-4 upload names its round");
      OracleConfig config = u.oracle() == OracleKind.FLH ? OracleConfig.flh(3, 30, 1024, 0L)
          : OracleConfig.withDefaults(u.oracle(), 3, 30);
      FrequencyOracle.of(config).validate(u.report());
    }
    Report olh = UploadRecord.decode(parse(examples.get(2))).report();
    assertEquals(-5L, olh.seed(), "the documented seed is 2^64 - 5");
    Report oue = UploadRecord.decode(parse(examples.get(1))).report();
    assertTrue(oue.bit(5) && oue.bit(28));
  }

  @Test
  void malformedUploadsSayWhatIsWrong() {
    String ok = "{\"report_id\":\"0000000000000000000000000000002a\",\"oracle\":\"GRR\",\"epsilon\":3.0,\"value\":5}";
    UploadRecord.decode(parse(ok));
    for (String[] bad : new String[][] {
        {ok.replace("\"GRR\"", "\"grr\""), "oracle"},
        {ok.replace(",\"value\":5", ",\"value\":5,\"seed\":\"0000000000000001\""), "not part of a GRR upload"},
        {ok.replace(",\"value\":5", ""), "value is missing"},
        {ok.replace("2a\"", "2A\""), "report_id"},
        {ok.replace("\"oracle\"", "\"config_sha256\":\"" + "AB".repeat(32) + "\",\"oracle\""), "config_sha256"},
        {ok.replace("\"oracle\"", "\"config_sha256\":\"abc\",\"oracle\""), "64 lower-case hex"},
        {ok.replace("\"value\":5", "\"value\":5.5"), "32-bit integer"}}) {
      UploadRecord.MalformedUploadException e = assertThrows(UploadRecord.MalformedUploadException.class,
          () -> UploadRecord.decode(parse(bad[0])), bad[0]);
      assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
    }
  }

  /** The wire format says JSON integers and padded base64; near misses a lenient parser would take are refused. */
  @Test
  void integersWithAFractionAndBase64WithoutPaddingAreRefused() {
    String grr = "{\"report_id\":\"0000000000000000000000000000002a\",\"oracle\":\"GRR\",\"epsilon\":3.0,"
        + "\"value\":5}";
    UploadRecord.MalformedUploadException fraction = assertThrows(UploadRecord.MalformedUploadException.class,
        () -> UploadRecord.decode(parse(grr.replace("\"value\":5", "\"value\":5.0"))));
    assertTrue(fraction.getMessage().contains("JSON integer"), fraction.getMessage());
    String oue = "{\"report_id\":\"0000000000000000000000000000002b\",\"oracle\":\"OUE\",\"epsilon\":3.0,"
        + "\"bits\":\"IAAAEA==\"}";
    UploadRecord.decode(parse(oue));
    UploadRecord.MalformedUploadException unpadded = assertThrows(UploadRecord.MalformedUploadException.class,
        () -> UploadRecord.decode(parse(oue.replace("IAAAEA==", "IAAAEA"))));
    assertTrue(unpadded.getMessage().contains("padding"), unpadded.getMessage());
  }
}
