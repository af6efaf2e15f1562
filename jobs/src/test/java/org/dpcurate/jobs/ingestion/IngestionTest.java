package org.dpcurate.jobs.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.attestation.SeededSecureRandom;
import org.dpcurate.attestation.TokenIssuer;
import org.dpcurate.attestation.TokenKeys;
import org.dpcurate.attestation.TokenRequest;
import org.dpcurate.attestation.UploadToken;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.testing.LocalSpark;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion on its own, through real files and a local[2] session: every landed line is accounted for, the reports
 * committed are exactly the valid uploads (once each), and the rejected-share rule fails a date with its rejects.
 */
class IngestionTest {
  private static final LocalDate DS = LocalDate.parse("2026-06-01");
  private static final OracleConfig GRR = OracleConfig.grr(2, 10);
  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("ingestion-test");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  /** A published GRR round and a batch of {@code n} valid uploads; returns the uploads' values by report id. */
  private Map<String, Integer> publishAndLand(Warehouse w, String batch, int n, List<String> extra) throws Exception {
    String round = PublishedConfigs.write(w, RoundConfig.of("c", DS, 1, GRR), true).hash();
    FrequencyOracle oracle = FrequencyOracle.of(GRR);
    SplittableRandom rng = new SplittableRandom(3);
    Map<String, Integer> values = new TreeMap<>();
    List<String> lines = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      String id = UploadRecord.reportId(rng.nextLong(), rng.nextLong());
      var report = oracle.randomize(d % 10, rng);
      values.put(id, report.value());
      lines.add(UploadRecord.encode(id, round, report, GRR.epsilon()));
    }
    lines.addAll(extra);
    Path files = Files.createDirectories(dir.resolve("landing").resolve("campaign=c").resolve("ds=" + DS)
        .resolve("batch=" + batch));
    Files.write(files.resolve("uploads.jsonl"), lines, StandardCharsets.UTF_8);
    return values;
  }

  private Ingestion ingestion(Warehouse w, double maxRejectedShare) {
    return new Ingestion(w, "c", dir.resolve("landing").toString(), maxRejectedShare, UploadFormat.JSON_LINES);
  }

  @Test
  void theReportsCommittedAreExactlyTheValidUploadsAndEveryLineIsCounted() throws Exception {
    Warehouse w = new Warehouse(dir.resolve("wh").toString(), spark);
    Map<String, Integer> sent = publishAndLand(w, "0001", 500, List.of("", "not json", "{\"report_id\":\"x\"}"));
    Ingestion.Result r = ingestion(w, 0.01).ingest(DS);
    assertEquals(502, r.lines(), "the blank line is no upload; the other two are rejects");
    assertEquals(500, r.accepted());
    assertEquals(Map.of("MALFORMED", 2L), r.rejected());
    assertEquals(r.lines(), r.accepted() + r.duplicatesDropped() + 2);
    Map<String, Integer> committed = new TreeMap<>();
    for (Row row : spark.read().parquet(w.partition("reports", "c", DS)).collectAsList()) {
      committed.put(row.getAs("report_id"), row.getAs("value"));
    }
    assertEquals(sent, committed, "every valid upload once, with its value");
    assertTrue(ingestion(w, 0.01).ingest(DS).unchanged(), "the same landed files again change nothing");
  }

  /**
   * Copies are found the same way whatever their number: with no reused id allowed in the broadcast set (every
   * accepted line ordered by id, as above 100,000 reused ids) a date gives the same counts, reports and rejects.
   */
  @Test
  void bothWaysOfFindingCopiesGiveTheSameDate() throws Exception {
    String round = RoundConfig.sha256(RoundConfig.of("c", DS, 1, GRR).format());
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String id = UploadRecord.reportId(100 + i, 1);
      String line = UploadRecord.encode(id, round, org.dpcurate.oracle.Report.grr(i), GRR.epsilon());
      extra.add(line);
      extra.add(line); // delivered twice
      extra.add(UploadRecord.encode(id, round, org.dpcurate.oracle.Report.grr(i + 1), GRR.epsilon()));
    }
    List<List<Row>> outcomes = new ArrayList<>();
    List<Ingestion.Result> results = new ArrayList<>();
    for (int maxReusedIds : new int[] {100_000, 0}) {
      Warehouse w = new Warehouse(dir.resolve("wh" + maxReusedIds).toString(), spark);
      publishAndLand(w, "0001", 100, extra);
      results.add(new Ingestion(w, "c", dir.resolve("landing").toString(), 0.5, UploadFormat.JSON_LINES,
          maxReusedIds).ingest(DS));
      List<Row> rows = new ArrayList<>(spark.read().parquet(w.partition("reports", "c", DS))
          .orderBy("report_id").collectAsList());
      rows.addAll(spark.read().parquet(w.partition("ingest_rejects", "c", DS)).drop("file")
          .orderBy("line").collectAsList());
      outcomes.add(rows);
    }
    Ingestion.Result r = results.get(0);
    assertEquals(104, r.accepted());
    assertEquals(4, r.duplicatesDropped());
    assertEquals(Map.of("DUPLICATE_REPORT_ID", 4L), r.rejected());
    assertEquals(List.of(r.accepted(), r.duplicatesDropped(), r.rejected()),
        List.of(results.get(1).accepted(), results.get(1).duplicatesDropped(), results.get(1).rejected()));
    assertEquals(outcomes.get(0), outcomes.get(1), "the same reports and the same rejects, lines included");
  }

  @Test
  void aDateAboveTheRejectedShareFailsWithItsRejectsAndNoReports() throws Exception {
    Warehouse w = new Warehouse(dir.resolve("wh").toString(), spark);
    publishAndLand(w, "0001", 50, List.of("x", "y", "z"));
    JobException e = assertThrows(JobException.class, () -> ingestion(w, 0.05).ingest(DS));
    assertEquals(ExitCode.VALIDATION_FAILED, e.exitCode());
    assertTrue(e.getMessage().contains("3 of 53 lines"), e.getMessage());
    assertEquals(3, spark.read().parquet(w.partition("ingest_rejects", "c", DS)).count());
    assertTrue(!w.isCommitted(w.partition("reports", "c", DS)), "no reports for a failed date");
    assertEquals(50, ingestion(w, 0.1).ingest(DS).accepted(), "within a looser share the same date is ingested");
  }

  /**
   * An upload names its round: one made for another round's config (same oracle and eps, another date) or naming
   * none is WRONG_ROUND; the valid uploads of the batch are all kept.
   */
  @Test
  void uploadsMadeForAnotherRoundOrNamingNoneAreRefusedAsWrongRound() throws Exception {
    Warehouse w = new Warehouse(dir.resolve("wh").toString(), spark);
    String otherDate = RoundConfig.sha256(RoundConfig.of("c", DS.plusDays(1), 1, GRR).format());
    String id = UploadRecord.reportId(9, 9);
    String unnamed = UploadRecord.encode(id, null, org.dpcurate.oracle.Report.grr(1), GRR.epsilon());
    String elsewhere = UploadRecord.encode(UploadRecord.reportId(9, 10), otherDate,
        org.dpcurate.oracle.Report.grr(1), GRR.epsilon());
    publishAndLand(w, "0001", 200, List.of(unnamed, elsewhere));
    Ingestion.Result r = ingestion(w, 0.05).ingest(DS);
    assertEquals(200, r.accepted());
    assertEquals(Map.of("WRONG_ROUND", 2L), r.rejected());
    List<String> details = spark.read().parquet(w.partition("ingest_rejects", "c", DS)).collectAsList().stream()
        .map(row -> (String) row.getAs("detail")).toList();
    assertTrue(details.stream().anyMatch(d -> d.contains("config_sha256 is missing")), details.toString());
    assertTrue(details.stream().anyMatch(d -> d.contains(otherDate)), details.toString());
  }

  /**
   * An attested round (OLH, tokens required): each honest device's token-bound upload is accepted once; a missing,
   * forged, foreign-key or other-round token, a report id or seed the token does not fix, and a token spent twice
   * with another payload are each refused by name; an identical redelivery is dropped; nothing valid is lost. With
   * tokens optional, an upload without one is accepted and counted as unattested.
   */
  @Test
  void attestedUploadsAreCheckedTokenByToken() throws Exception {
    Warehouse w = new Warehouse(dir.resolve("wh").toString(), spark);
    OracleConfig olh = OracleConfig.olh(2, 10);
    TokenKeys keys = TokenKeys.generate(2048, SeededSecureRandom.of(21));
    TokenIssuer issuer = new TokenIssuer(keys);
    TokenIssuer stranger = new TokenIssuer(TokenKeys.generate(2048, SeededSecureRandom.of(22)));
    String round = PublishedConfigs.write(w, RoundConfig.of("c", DS, 1, olh)
        .withTokens(new RoundConfig.Tokens(issuer.key(), true)), true).hash();
    String otherRound = RoundConfig.sha256(RoundConfig.of("c", DS.plusDays(1), 1, olh).format());
    FrequencyOracle oracle = FrequencyOracle.of(olh);
    SplittableRandom rng = new SplittableRandom(4);
    List<String> lines = new ArrayList<>();
    int honest = 60;
    for (int d = 0; d < honest; d++) {
      UploadToken token = token(issuer, "device-" + d, round, d);
      lines.add(UploadRecord.encode(token, issuer.key().id(), round,
          oracle.randomize(d % 10, token.publicRandomness(), rng), olh.epsilon()));
    }
    lines.add(lines.get(0)); // redelivered as is
    UploadToken spent = token(issuer, "device-s", round, 1000);
    // One token spent on two uploads with two payloads: the first counts, the second is a reused token.
    UploadToken second = token(issuer, "device-x", round, 1001);
    String extra = UploadRecord.encode(second, issuer.key().id(), round,
        oracle.randomize(3, second.publicRandomness(), rng), olh.epsilon());
    lines.add(extra);
    String respent = UploadRecord.encode(second, issuer.key().id(), round,
        oracle.randomize(4, second.publicRandomness(), rng), olh.epsilon());
    lines.add(respent);
    String missing = UploadRecord.encode(UploadRecord.reportId(1, 2), round,
        oracle.randomize(1, rng), olh.epsilon());
    UploadToken forged = new UploadToken(spent.input(), flipped(spent.signature()));
    UploadToken foreign = token(stranger, "device-y", round, 1002);
    UploadToken elsewhere = token(issuer, "device-z", otherRound, 1003);
    UploadToken chosen = token(issuer, "device-w", round, 1004);
    lines.add(missing);
    lines.add(UploadRecord.encode(forged, issuer.key().id(), round,
        oracle.randomize(1, forged.publicRandomness(), rng), olh.epsilon()));
    lines.add(UploadRecord.encode(foreign, stranger.key().id(), round,
        oracle.randomize(1, foreign.publicRandomness(), rng), olh.epsilon()));
    lines.add(UploadRecord.encode(elsewhere, issuer.key().id(), round,
        oracle.randomize(1, elsewhere.publicRandomness(), rng), olh.epsilon()));
    lines.add(UploadRecord.encode(chosen, issuer.key().id(), round,
        oracle.randomize(1, chosen.publicRandomness() + 1, rng), olh.epsilon()));
    lines.add(UploadRecord.encode(spent, issuer.key().id(), round,
        oracle.randomize(1, spent.publicRandomness(), rng), olh.epsilon()).replace(spent.reportId(),
        UploadRecord.reportId(5, 5)));
    land(lines, DS);

    Ingestion.Result r = ingestion(w, 0.5).ingest(DS);
    assertEquals(honest + 1, r.accepted(), "every honest device once, and the first use of the re-spent token");
    assertEquals(1, r.duplicatesDropped());
    assertEquals(Map.of("MISSING_TOKEN", 1L, "BAD_TOKEN", 1L, "WRONG_TOKEN_KEY", 1L, "WRONG_ROUND", 1L,
        "RANDOMNESS_MISMATCH", 2L, "DUPLICATE_TOKEN", 1L), r.rejected());
    assertEquals(r.lines(), r.accepted() + r.duplicatesDropped() + 7);
    assertEquals(0, r.unattested());

    // A later batch of the same date: a token spent in the first batch, spent again with another payload; a
    // truncated signature; a token input that is not base64url; a 1 MB signature field.
    UploadToken first = token(issuer, "device-r", round, 1005);
    String later = UploadRecord.encode(first, issuer.key().id(), round,
        oracle.randomize(5, first.publicRandomness(), rng), olh.epsilon());
    land(List.of(later), DS, "0002");
    // A date's result counts all its batches.
    Ingestion.Result second2 = ingestion(w, 0.5).ingest(DS);
    assertEquals(r.accepted() + 1, second2.accepted());
    UploadToken fresh = token(issuer, "device-f", round, 1006);
    UploadToken truncated = new UploadToken(second.input(), java.util.Arrays.copyOf(second.signature(), 128));
    String again;
    do {
      again = UploadRecord.encode(first, issuer.key().id(), round,
          oracle.randomize(7, first.publicRandomness(), rng), olh.epsilon());
    } while (again.equals(later));
    String good = UploadRecord.encode(fresh, issuer.key().id(), round,
        oracle.randomize(6, fresh.publicRandomness(), rng), olh.epsilon());
    List<String> third = List.of(again,
        UploadRecord.encode(truncated, issuer.key().id(), round,
            oracle.randomize(1, truncated.publicRandomness(), rng), olh.epsilon()),
        good.replace(fresh.inputBase64Url(), fresh.inputBase64Url().substring(1) + "*"),
        good.replace(fresh.signatureBase64Url(), "A".repeat(1 << 20)),
        good);
    land(third, DS, "0003");
    Ingestion.Result laterBatch = ingestion(w, 0.5).ingest(DS);
    assertEquals(second2.accepted() + 1, laterBatch.accepted(), "the valid upload of the batch is kept");
    assertEquals(Map.of("MISSING_TOKEN", 1L, "BAD_TOKEN", 3L, "WRONG_TOKEN_KEY", 1L, "WRONG_ROUND", 1L,
        "RANDOMNESS_MISMATCH", 2L, "DUPLICATE_TOKEN", 2L, "MALFORMED", 1L), laterBatch.rejected());
    assertEquals(laterBatch.lines(), laterBatch.accepted() + laterBatch.duplicatesDropped() + 11);
    // A reused token's reject keeps its line as landed, though accepted lines are not carried through the check:
    // the later batch's copy, and one of the two uses in one batch (the first by payload is kept).
    List<String> reusedLines = spark.read().parquet(w.partition("ingest_rejects", "c", DS))
        .where("reason = 'DUPLICATE_TOKEN'").collectAsList().stream().map(row -> (String) row.getAs("line"))
        .toList();
    assertEquals(2, reusedLines.size());
    assertTrue(reusedLines.contains(again), reusedLines.toString());
    assertTrue(reusedLines.contains(extra) != reusedLines.contains(respent), reusedLines.toString());

    LocalDate optionalDay = DS.plusDays(2);
    String optionalRound = PublishedConfigs.write(w, RoundConfig.of("c", optionalDay, 2, olh)
        .withTokens(new RoundConfig.Tokens(issuer.key(), false)), true).hash();
    // The issuer serves each device once per round; the key may serve a period of rounds.
    UploadToken t = token(new TokenIssuer(keys), "device-0", optionalRound, 2000);
    // The first date's token spent again on this date: it names the other round.
    land(List.of(UploadRecord.encode(t, issuer.key().id(), optionalRound,
            oracle.randomize(2, t.publicRandomness(), rng), olh.epsilon()),
        UploadRecord.encode(UploadRecord.reportId(7, 7), optionalRound, oracle.randomize(2, rng), olh.epsilon()),
        UploadRecord.encode(fresh, issuer.key().id(), optionalRound,
            oracle.randomize(2, fresh.publicRandomness(), rng), olh.epsilon())),
        optionalDay);
    Ingestion.Result optional = ingestion(w, 0.5).ingest(optionalDay);
    assertEquals(2, optional.accepted());
    assertEquals(1, optional.unattested());
    assertEquals(Map.of("WRONG_ROUND", 1L), optional.rejected());
  }

  private static UploadToken token(TokenIssuer issuer, String device, String round, long seed) {
    TokenRequest request = TokenRequest.start(issuer.key(), round, SeededSecureRandom.of(seed));
    return request.finish(issuer.issue(device, request.blindedMessage()));
  }

  private static byte[] flipped(byte[] signature) {
    byte[] out = signature.clone();
    out[out.length / 2] ^= 1;
    return out;
  }

  private void land(List<String> lines, LocalDate ds) throws Exception {
    land(lines, ds, "0001");
  }

  private void land(List<String> lines, LocalDate ds, String batch) throws Exception {
    Path files = Files.createDirectories(dir.resolve("landing").resolve("campaign=c").resolve("ds=" + ds)
        .resolve("batch=" + batch));
    Files.write(files.resolve("uploads.jsonl"), lines, StandardCharsets.UTF_8);
  }
}
