package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What on-call relies on: backfills date by date, atomic and idempotent partitions, quarantined bad input with
 * nothing valid lost, explicit empty dates, named missing or corrupt inputs, and the privacy budget.
 */
class OperationsTest extends SparkTestBase {
  @TempDir
  Path dir;

  private String wh() {
    return dir.resolve("wh").toString();
  }

  private String[] common(String campaign, String... extra) throws Exception {
    return concat(new String[] {"--warehouse", wh(), "--campaign", campaign, "--population",
        tinyPopulation(dir).toString(), "--candidates", "60", "--oracle", "GRR", "--epsilon", "3"}, extra);
  }

  private void prepare(String campaign, String ds) throws Exception {
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), common(campaign, "--ds", ds)).code());
    Outcome o = runShared(new SimulateJob(), common(campaign, "--ds", ds));
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
  }

  private Path partition(String table, String campaign, String ds) {
    return Path.of(wh(), table, "campaign=" + campaign, "ds=" + ds);
  }

  /** Replaces a partition's data with {@code rows} (test set-up of bad input). */
  private void replaceReports(String campaign, String ds, Dataset<Row> rows) throws Exception {
    overwriteKeepingManifest(partition("reports", campaign, ds), rows, dir);
  }

  @Test
  void aBackfillRunsEachDateInOrderAndReRunsAreIdempotent() throws Exception {
    prepare("bf", "2026-04-01");
    Outcome first = runShared(new NightlyJob(), common("bf", "--ds", "2026-04-01"));
    assertEquals(ExitCode.SUCCESS, first.code(), first.stderr());
    prepare2("bf", "2026-04-02");
    // Backfill both dates again in one invocation: each date's outcome, in order.
    Outcome backfill = runShared(new NightlyJob(), common("bf", "--from", "2026-04-01", "--to", "2026-04-02"));
    assertEquals(ExitCode.SUCCESS, backfill.code(), backfill.stderr());
    int one = backfill.stdout().indexOf("nightly 2026-04-01 ok");
    int two = backfill.stdout().indexOf("nightly 2026-04-02 ok");
    assertTrue(one >= 0 && two > one, backfill.stdout());
    // The re-run of 2026-04-01 rewrote identical content, and every partition carries its manifest.
    Dataset<Row> ranked = spark.read().parquet(partition("ranked", "bf", "2026-04-01").toString());
    assertEquals(60, ranked.count());
    for (String table : new String[] {"ranked", "quarantine", "ledger", "candidates"}) {
      assertTrue(Files.exists(partition(table, "bf", "2026-04-01").resolve("_manifest.json")), table);
    }
    String manifest = Files.readString(partition("ranked", "bf", "2026-04-01").resolve("_manifest.json"));
    assertTrue(manifest.contains("\"read\": 20000") && manifest.contains("\"accepted\": 20000")
        && manifest.contains("\"config_hash\"") && manifest.contains("\"code_version\""), manifest);
    // A re-run of an existing date leaves no staging directories behind.
    try (Stream<Path> files = Files.list(partition("ranked", "bf", "2026-04-01").getParent())) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".staging")));
    }
    // The ledger composes the two dates.
    Row ledger = spark.read().parquet(partition("ledger", "bf", "2026-04-02").toString()).first();
    assertEquals(6.0, ledger.getDouble(ledger.fieldIndex("cumulative_epsilon")), 1e-12);
  }

  /** The second date's reports, simulated on the candidates the first night's refine committed. */
  private void prepare2(String campaign, String ds) throws Exception {
    Outcome o = runShared(new SimulateJob(), common(campaign, "--ds", ds));
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
  }

  @Test
  void aKilledRunLeavesNoVisiblePartition() throws Exception {
    prepare("kill", "2026-04-01");
    assertEquals(ExitCode.SUCCESS, runShared(new EstimateJob(), common("kill", "--ds", "2026-04-01")).code());
    long before = spark.read().parquet(Path.of(wh(), "ranked").toString()).count();
    // A run killed mid-write leaves a staging directory; readers of the table never see it.
    Path staging = partition("ranked", "kill", "2026-04-01").resolveSibling(".staging-ds=2026-04-01-dead");
    spark.read().parquet(partition("ranked", "kill", "2026-04-01").toString()).limit(7).write()
        .parquet(staging.toString());
    assertEquals(before, spark.read().parquet(Path.of(wh(), "ranked").toString()).count());
    // The next commit of that partition removes it.
    assertEquals(ExitCode.SUCCESS, runShared(new EstimateJob(), common("kill", "--ds", "2026-04-01")).code());
    assertFalse(Files.exists(staging));
    // A partition without its manifest is not read as input.
    Files.delete(partition("candidates", "kill", "2026-04-01").resolve("_manifest.json"));
    Outcome o = runShared(new EstimateJob(), common("kill", "--ds", "2026-04-01"));
    assertEquals(ExitCode.MISSING_INPUT, o.code());
    assertTrue(o.stderr().contains("_manifest.json"), o.stderr());
  }

  @Test
  void invalidReportsAreQuarantinedWithReasonsAndNothingValidIsLost() throws Exception {
    prepare("q", "2026-04-01");
    Dataset<Row> good = spark.read().parquet(partition("reports", "q", "2026-04-01").toString());
    long valid = good.count();
    List<Row> bad = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      bad.add(RowFactory.create("bad-range-" + i, "GRR", 3.0, null, null, 60 + i, null, null));
      bad.add(RowFactory.create("bad-null-" + i, "GRR", 3.0, null, null, null, null, null));
      bad.add(RowFactory.create("bad-eps-" + i, "GRR", 1.0, null, null, 1, null, null));
      bad.add(RowFactory.create("bad-oracle-" + i, "OLH", 3.0, null, 7L, 1, null, null));
      bad.add(RowFactory.create(null, "GRR", 3.0, null, null, 1, null, null));
    }
    // 100 reports sent twice: one copy counts, the other is quarantined.
    Dataset<Row> twice = good.limit(100);
    org.apache.spark.sql.types.StructType nullable = new org.apache.spark.sql.types.StructType(
        java.util.Arrays.stream(ReportTable.SCHEMA.fields()).map(f -> f.copy(f.name(), f.dataType(), true,
            f.metadata())).toArray(org.apache.spark.sql.types.StructField[]::new));
    replaceReports("q", "2026-04-01", good.unionByName(spark.createDataFrame(bad, nullable))
        .unionByName(twice));
    long read = valid + bad.size() + 100;

    Outcome failed = runShared(new EstimateJob(), common("q", "--ds", "2026-04-01"));
    assertEquals(ExitCode.VALIDATION_FAILED, failed.code(), failed.stderr());
    assertTrue(failed.stderr().contains("failed validation"), failed.stderr());
    assertFalse(Files.exists(partition("ranked", "q", "2026-04-01")), "no ranking after a failed round");
    Dataset<Row> quarantine = spark.read().parquet(partition("quarantine", "q", "2026-04-01").toString());
    Map<String, Long> reasons = quarantine.groupBy("reason").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertEquals(Map.of("VALUE_OUT_OF_RANGE", 100L, "MALFORMED", 200L, "EPSILON_MISMATCH", 100L, "WRONG_ORACLE",
        100L, "DUPLICATE_REPORT_ID", 100L), reasons);

    Outcome tolerated = runShared(new EstimateJob(), common("q", "--ds", "2026-04-01", "--max-rejected-share", "0.1"));
    assertEquals(ExitCode.SUCCESS, tolerated.code(), tolerated.stderr());
    Row first = spark.read().parquet(partition("ranked", "q", "2026-04-01").toString()).first();
    assertEquals(valid, first.getLong(first.fieldIndex("reports")), "every valid report counts once");
    String manifest = Files.readString(partition("ranked", "q", "2026-04-01").resolve("_manifest.json"));
    assertTrue(manifest.contains("\"read\": " + read), manifest);
    assertTrue(manifest.contains("\"accepted\": " + valid), manifest);
    assertTrue(manifest.contains("\"quarantined\": " + (read - valid)), manifest);
  }

  @Test
  void anEmptyDateIsAnExplicitOutcome() throws Exception {
    prepare("e", "2026-04-01");
    assertEquals(ExitCode.SUCCESS, runShared(new EstimateJob(), common("e", "--ds", "2026-04-01")).code());
    replaceReports("e", "2026-04-01", spark.createDataFrame(List.of(), ReportTable.SCHEMA));
    Outcome o = runShared(new EstimateJob(), common("e", "--ds", "2026-04-01"));
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    assertTrue(o.stdout().contains("no_reports"), o.stdout());
    assertEquals(0, spark.read().parquet(partition("ranked", "e", "2026-04-01").toString()).count(),
        "the old ranking is replaced, not left stale");
    assertTrue(Files.readString(partition("ranked", "e", "2026-04-01").resolve("_manifest.json"))
        .contains("\"outcome\": \"no_reports\""));
  }

  @Test
  void missingOrCorruptInputIsNamed() throws Exception {
    Outcome missing = runShared(new EstimateJob(), common("m", "--ds", "2026-05-05"));
    assertEquals(ExitCode.MISSING_INPUT, missing.code());
    assertTrue(missing.stderr().contains("ds=2026-05-05"), missing.stderr());

    prepare("c", "2026-04-01");
    Path corrupt = partition("reports", "c", "2026-04-01").resolve("part-corrupt.parquet");
    Files.write(corrupt, "this is not parquet".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Outcome o = runShared(new EstimateJob(), common("c", "--ds", "2026-04-01"));
    assertEquals(ExitCode.MISSING_INPUT, o.code(), o.stderr());
    assertTrue(o.stderr().contains("part-corrupt.parquet"), o.stderr());

    prepare("s", "2026-04-01");
    Dataset<Row> renamed = spark.read().parquet(partition("reports", "s", "2026-04-01").toString())
        .withColumnRenamed("value", "val");
    replaceReports("s", "2026-04-01", renamed);
    Outcome schema = runShared(new EstimateJob(), common("s", "--ds", "2026-04-01"));
    assertEquals(ExitCode.MISSING_INPUT, schema.code());
    assertTrue(schema.stderr().contains("value") && schema.stderr().contains("ds=2026-04-01"), schema.stderr());
    // A config from a later protocol than this server's is refused, not decoded.
    prepare("v", "2026-04-01");
    Path config = Path.of(wh(), "configs", "campaign=v", "ds=2026-04-01.properties");
    String text = Files.readString(config);
    // Every round is published under the current version.
    assertTrue(text.contains("protocol.version=" + PublishedConfigs.PROTOCOL_VERSION + "\n"), text);
    rewrite(config, text.replace("protocol.version=" + PublishedConfigs.PROTOCOL_VERSION,
        "protocol.version=" + (PublishedConfigs.PROTOCOL_VERSION + 1)));
    Outcome version = runShared(new EstimateJob(), common("v", "--ds", "2026-04-01"));
    assertEquals(ExitCode.MISSING_INPUT, version.code());
    assertTrue(version.stderr().contains("protocol version " + (PublishedConfigs.PROTOCOL_VERSION + 1)),
        version.stderr());
  }

  /** Replaces a file the local Hadoop file system wrote, with its checksum file (as a hand edit would need). */
  static void rewriteRaw(Path file, String text) throws Exception {
    Files.writeString(file, text);
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
  }

  /** As {@link #rewriteRaw}, re-recording a config as published (its SHA-256 beside it), as a server would. */
  static void rewrite(Path file, String text) throws Exception {
    rewriteRaw(file, text);
    Path hash = file.resolveSibling(file.getFileName() + ".sha256");
    if (Files.exists(hash)) {
      Files.writeString(hash, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8))) + "\n");
      Files.deleteIfExists(hash.resolveSibling("." + hash.getFileName() + ".crc"));
    }
  }

  /** FLH and HCMS configs from before the affine hash family (no protocol.version) are refused by name. */
  @Test
  void versionOneHashedConfigsAreRefused() throws Exception {
    Warehouse w = new Warehouse(wh(), spark);
    LocalDate ds = LocalDate.parse("2026-04-02");
    for (OracleConfig c : List.of(OracleConfig.flh(2, 100, 1024, 0L), OracleConfig.hcms(2, 100, 16, 1024, 0L),
        OracleConfig.grr(2, 100))) {
      String campaign = "old-" + c.kind().name().toLowerCase(Locale.ROOT);
      PublishedConfigs.write(w, campaign, ds, 1, c);
      Path config = Path.of(wh(), "configs", "campaign=" + campaign, "ds=2026-04-02.properties");
      rewrite(config, Files.readString(config).replaceAll("protocol.version=\\d+\n", ""));
      if (c.kind() == OracleKind.GRR) {
        assertEquals(c, PublishedConfigs.read(w, campaign, ds).oracle(), "GRR did not change between versions");
      } else {
        JobException e = assertThrows(JobException.class, () -> PublishedConfigs.read(w, campaign, ds));
        assertTrue(e.getMessage().contains("protocol version 1 for " + c.kind()), e.getMessage());
      }
    }
  }

  /** A download layout no device could follow is refused by name: a projection is one segment within d axes. */
  @Test
  void inconsistentDownloadKeysAreRefused() throws Exception {
    Warehouse w = new Warehouse(wh(), spark);
    LocalDate ds = LocalDate.parse("2026-04-03");
    String[] edits = {"download.segments=3", "download.projected.axes=385", "download.projected.axes=-1"};
    for (int i = 0; i < edits.length; i++) {
      String campaign = "layout-" + i;
      PublishedConfigs.write(w, RoundConfig.of(campaign, ds, 1, OracleConfig.grr(2, 100), 1,
          new RoundConfig.Embedding("all-minilm-l6-v2-q", 384), new RoundConfig.Download(300_000, 1, 100, 250_000)),
          true);
      assertEquals(100, Integer.parseInt(Files.readString(Path.of(wh(), "configs", "campaign=" + campaign,
          "ds=2026-04-03.properties")).replaceAll("(?s).*download.projected.axes=(\\d+).*", "$1")));
      assertEquals(1, PublishedConfigs.read(w, campaign, ds).segments());
      Path config = Path.of(wh(), "configs", "campaign=" + campaign, "ds=2026-04-03.properties");
      String key = edits[i].substring(0, edits[i].indexOf('='));
      rewrite(config, Files.readString(config).replaceAll(key.replace(".", "\\.") + "=[^\n]*\n", "")
          + edits[i] + "\n");
      JobException e = assertThrows(JobException.class, () -> PublishedConfigs.read(w, campaign, ds));
      assertTrue(e.getMessage().contains("download.projected.axes must be in [1, embedding.dimension]"),
          e.getMessage());
      assertEquals(ExitCode.MISSING_INPUT, e.exitCode());
    }
  }

  @Test
  void roundsBeyondTheBudgetAreRefusedAndShuffledRoundsRecordTheCentralBound() throws Exception {
    prepare("p", "2026-04-01");
    Outcome ok = runShared(new NightlyJob(), common("p", "--ds", "2026-04-01", "--budget", "5", "--shuffled"));
    assertEquals(ExitCode.SUCCESS, ok.code(), ok.stderr());
    Row ledger = spark.read().parquet(partition("ledger", "p", "2026-04-01").toString()).first();
    double central = ledger.getDouble(ledger.fieldIndex("central_epsilon"));
    assertTrue(central > 0 && central < 3, "amplified central eps " + central);
    prepare2("p", "2026-04-02");
    Outcome refused = runShared(new EstimateJob(), common("p", "--ds", "2026-04-02", "--budget", "5"));
    assertEquals(ExitCode.BUDGET_EXCEEDED, refused.code());
    assertTrue(refused.stderr().contains("budget"), refused.stderr());
    assertFalse(Files.exists(partition("ranked", "p", "2026-04-02")));
    assertFalse(Files.exists(partition("ledger", "p", "2026-04-02")));
    // The previous date's re-run replaces its own spend instead of adding to it.
    assertEquals(ExitCode.SUCCESS, runShared(new EstimateJob(), common("p", "--ds", "2026-04-01", "--budget", "5"))
        .code());
  }

  /**
   * Production jobs read no simulation config: a malformed conf/population.properties in the installation
   * (where simulate and curate look: {@code dpcurate.home}, set by bin/dpcurate) does not touch estimate or
   * nightly, while simulate refuses it.
   */
  @Test
  void productionJobsIgnoreTheSimulationConfigInTheWorkingDirectory() throws Exception {
    prepare("prod", "2026-04-01");
    Path home = dir.resolve("home");
    Path config = home.resolve("conf").resolve("population.properties");
    assertFalse(Files.exists(config), "the test owns " + config.toAbsolutePath());
    Files.createDirectories(config.getParent());
    System.setProperty("dpcurate.home", home.toString());
    try {
      Files.writeString(config, "devices=lots\nno.such.key=1\n");
      Outcome simulate = runShared(new SimulateJob(), "--warehouse", wh(), "--campaign", "prod", "--ds",
          "2026-04-01", "--candidates", "60");
      assertEquals(ExitCode.USAGE, simulate.code(), "simulate reads it: " + simulate.stderr());
      Outcome estimate = run(new EstimateJob(), "--warehouse", wh(), "--campaign", "prod", "--ds", "2026-04-01");
      assertEquals(ExitCode.SUCCESS, estimate.code(), estimate.stderr());
      Outcome nightly = run(new NightlyJob(), "--warehouse", wh(), "--campaign", "prod", "--ds", "2026-04-01",
          "--candidates", "60");
      assertEquals(ExitCode.SUCCESS, nightly.code(), nightly.stderr());
    } finally {
      System.clearProperty("dpcurate.home");
      Files.deleteIfExists(config);
    }
  }
}
