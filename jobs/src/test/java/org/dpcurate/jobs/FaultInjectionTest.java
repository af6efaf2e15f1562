package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupted and unlucky inputs, each on real files through real Spark: none may give a wrong answer with exit 0, and
 * each failure carries the exit code that tells the operator what to do (docs/operations.md).
 */
class FaultInjectionTest extends SparkTestBase {
  private static final String DS = "2026-07-01";

  @TempDir
  Path dir;

  private String wh() {
    return dir.resolve("wh").toString();
  }

  private String[] args(String campaign, String ds, String... extra) throws Exception {
    return concat(new String[] {"--warehouse", wh(), "--campaign", campaign, "--population",
        tinyPopulation(dir).toString(), "--candidates", "40", "--oracle", "GRR", "--epsilon", "3", "--ds", ds}, extra);
  }

  private void prepare(String campaign, String ds) throws Exception {
    Outcome generated = runShared(new GenerateJob(), args(campaign, ds));
    assertEquals(ExitCode.SUCCESS, generated.code(), generated.stderr());
    Outcome simulated = runShared(new SimulateJob(), args(campaign, ds));
    assertEquals(ExitCode.SUCCESS, simulated.code(), simulated.stderr());
  }

  private Outcome estimate(String campaign, String ds) throws Exception {
    return runShared(new EstimateJob(), args(campaign, ds));
  }

  private Path reports(String campaign, String ds) {
    return Path.of(wh(), "reports", "campaign=" + campaign, "ds=" + ds);
  }

  private Path config(String campaign, String ds) {
    return Path.of(wh(), "configs", "campaign=" + campaign, "ds=" + ds + ".properties");
  }

  private static Path firstDataFile(Path partition) throws Exception {
    try (Stream<Path> files = Files.list(partition)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
    }
  }

  private static void assertFails(Outcome o, ExitCode code, String... named) {
    assertEquals(code, o.code(), o.stderr());
    for (String n : named) {
      assertTrue(o.stderr().contains(n), "the message names " + n + ": " + o.stderr());
    }
  }

  @Test
  void aSubDirectoryInAReportPartitionIsRefusedNotReadInstead() throws Exception {
    prepare("sub", DS);
    Dataset<Row> some = spark.read().parquet(reports("sub", DS).toString()).limit(150);
    some.write().parquet(reports("sub", DS).resolve("late=1").toString());
    assertFails(estimate("sub", DS), ExitCode.MISSING_INPUT, "late=1");
    assertFalse(Files.exists(Path.of(wh(), "ledger", "campaign=sub", "ds=" + DS)), "no spend recorded");
  }

  @Test
  void unexpectedEmptyAndTruncatedFilesAreRefusedByName() throws Exception {
    prepare("files", DS);
    Path partition = reports("files", DS);
    Path notes = Files.writeString(partition.resolve("notes.txt"), "uploaded by hand");
    assertFails(estimate("files", DS), ExitCode.MISSING_INPUT, "notes.txt");
    Files.delete(notes);
    Path empty = Files.createFile(partition.resolve("part-empty.parquet"));
    assertFails(estimate("files", DS), ExitCode.MISSING_INPUT, "part-empty.parquet");
    Files.delete(empty);
    byte[] whole = Files.readAllBytes(firstDataFile(partition));
    Files.write(partition.resolve("part-truncated.parquet"), Arrays.copyOf(whole, whole.length / 2));
    assertFails(estimate("files", DS), ExitCode.MISSING_INPUT, "part-truncated.parquet");
  }

  @Test
  void aConfigEditedAfterPublicationIsRefused() throws Exception {
    prepare("edit", DS);
    Path config = config("edit", DS);
    String text = Files.readString(config);
    OperationsTest.rewriteRaw(config, text.replace("hash.salt=0", "hash.salt=12345"));
    assertFails(estimate("edit", DS), ExitCode.MISSING_INPUT, "changed after publication", config.toString());
  }

  @Test
  void aTruncatedConfigIsCalledIncompleteNotAnOldVersion() throws Exception {
    prepare("trunc", DS);
    Path config = config("trunc", DS);
    List<String> lines = Files.readAllLines(config);
    Files.delete(config.resolveSibling(config.getFileName() + ".sha256"));
    OperationsTest.rewriteRaw(config, String.join("\n", lines.subList(0, 3)) + "\n");
    Outcome o = estimate("trunc", DS);
    assertFails(o, ExitCode.MISSING_INPUT, "missing", config.toString());
    assertFalse(o.stderr().contains("protocol version"), o.stderr());
  }

  @Test
  void reportsCopiedUnderAnotherDateAreRefused() throws Exception {
    String other = "2026-07-02";
    prepare("copy", DS);
    prepare("copy", other);
    Path target = reports("copy", other);
    try (Stream<Path> files = Files.walk(target)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(reports("copy", DS))) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    assertFails(estimate("copy", other), ExitCode.MISSING_INPUT, "ds " + DS);
  }

  @Test
  void aColumnOfAnotherTypeIsRefusedNotCast() throws Exception {
    prepare("types", DS);
    Dataset<Row> asDouble = spark.read().parquet(reports("types", DS).toString())
        .withColumn("value", functions.col("value").cast("double"));
    overwriteKeepingManifest(reports("types", DS), asDouble, dir);
    assertFails(estimate("types", DS), ExitCode.MISSING_INPUT, "value is double");
  }

  @Test
  void aCommittedReportPartitionWithoutDataFilesIsADateWithoutReports() throws Exception {
    prepare("empty", DS);
    Path partition = reports("empty", DS);
    try (Stream<Path> files = Files.list(partition)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().contains("_manifest.json")) {
          Files.delete(f);
        }
      }
    }
    Outcome o = estimate("empty", DS);
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    assertTrue(o.stdout().contains("no_reports"), o.stdout());
  }

  @Test
  void aFailedReRunWithdrawsTheRankingSoRefineRefusesIt() throws Exception {
    prepare("rerun", DS);
    assertEquals(ExitCode.SUCCESS, estimate("rerun", DS).code());
    Dataset<Row> wrongEps = spark.read().parquet(reports("rerun", DS).toString())
        .withColumn("epsilon", functions.lit(1.0));
    overwriteKeepingManifest(reports("rerun", DS), wrongEps, dir);
    assertFails(estimate("rerun", DS), ExitCode.VALIDATION_FAILED);
    assertFalse(Files.exists(Path.of(wh(), "ranked", "campaign=rerun", "ds=" + DS)), "the stale ranking is gone");
    assertFails(runShared(new RefineJob(), args("rerun", DS)), ExitCode.MISSING_INPUT, "withdrawn",
        "the last estimate of " + DS + " failed");
  }

  @Test
  void anOutputThatCannotBeWrittenIsAWriteFailureNamingThePath() throws Exception {
    prepare("ro", DS);
    // A file where the quarantine table's directory belongs: nothing can be committed under it.
    Files.writeString(Path.of(wh(), "quarantine"), "not a directory");
    assertFails(estimate("ro", DS), ExitCode.WRITE_FAILED, "quarantine");
  }

  @Test
  void anImpossibleOracleForTheEpsilonIsAUsageError() throws Exception {
    prepare("flh", DS);
    assertFails(runShared(new SimulateJob(), concat(args("flh", DS), "--epsilon", "20", "--oracle", "FLH")),
        ExitCode.USAGE, "--oracle");
  }

  @Test
  void everyInputPartitionIsReadStrictlyNotOnlyReports() throws Exception {
    prepare("cand", DS);
    Path candidates = Path.of(wh(), "candidates", "campaign=cand", "ds=" + DS);
    spark.read().parquet(candidates.toString()).limit(3).write().parquet(candidates.resolve("extra=1").toString());
    assertFails(estimate("cand", DS), ExitCode.MISSING_INPUT, "extra=1");
  }

  @Test
  void filesThatDisagreeOnAColumnTypeAreRefused() throws Exception {
    prepare("mixed", DS);
    Dataset<Row> some = spark.read().parquet(reports("mixed", DS).toString()).limit(10)
        .withColumn("report_id", functions.concat(functions.col("report_id"), functions.lit("x")))
        .withColumn("value", functions.col("value").cast("double"));
    String tmp = dir.resolve("tmp-mixed").toString();
    some.coalesce(1).write().parquet(tmp);
    Files.copy(firstDataFile(Path.of(tmp)), reports("mixed", DS).resolve("part-zz-double.parquet"));
    assertFails(estimate("mixed", DS), ExitCode.MISSING_INPUT);
  }
}
