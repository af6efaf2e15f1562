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
}
