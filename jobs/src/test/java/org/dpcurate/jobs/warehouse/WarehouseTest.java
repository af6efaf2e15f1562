package org.dpcurate.jobs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.testing.LocalSpark;
import org.dpcurate.oracle.OracleConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse's own guarantees, through a real local file system and a local[2] session: a partition is read
 * only once committed with its manifest, a published config is written once and a later edit is caught, and the
 * fleet's lock is exclusive, released on close and taken over only when stale.
 */
class WarehouseTest {
  private static SparkSession spark;
  private static final LocalDate DS = LocalDate.parse("2026-05-01");
  private static final StructType SCHEMA = new StructType().add("x", DataTypes.IntegerType, false);

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("warehouse-test");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  private Warehouse warehouse() {
    return new Warehouse(dir.resolve("wh").toString(), spark);
  }

  private Dataset<Row> rows(int... values) {
    return spark.createDataFrame(java.util.Arrays.stream(values).mapToObj(v -> RowFactory.create(v)).toList(),
        SCHEMA);
  }

  @Test
  void aPartitionIsReadOnlyOnceCommittedAndACommitReplacesItWhole() throws Exception {
    Warehouse w = warehouse();
    String partition = w.partition("t", "c", DS);
    assertFalse(w.isCommitted(partition));
    JobException missing = assertThrows(JobException.class, () -> w.requireCommitted("t", "c", DS));
    assertEquals(ExitCode.MISSING_INPUT, missing.exitCode());
    w.commit(rows(1, 2, 3), "t", "c", DS, Manifest.ofRound(1));
    assertTrue(w.isCommitted(partition));
    assertTrue(Files.exists(Path.of(partition, "_manifest.json")), "the manifest is written");
    assertEquals(3, spark.read().parquet(w.requireCommitted("t", "c", DS)).count());
    w.commit(rows(7), "t", "c", DS, Manifest.ofRound(1));
    assertEquals(List.of(7), spark.read().parquet(partition).collectAsList().stream().map(r -> r.getInt(0))
        .toList(), "a re-run replaces exactly the partition it writes");
    try (var entries = Files.list(Path.of(partition).getParent())) {
      assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(".staging-")), "no staging left");
    }
  }

  @Test
  void aPublishedConfigIsWrittenOnceAndAnEditIsCaught() throws Exception {
    Warehouse w = warehouse();
    RoundConfig config = RoundConfig.of("c", DS, 1, OracleConfig.grr(2, 100));
    PublishedConfig published = PublishedConfigs.write(w, config, false);
    assertEquals(RoundConfig.sha256(config.format()), published.hash());
    assertEquals(published, PublishedConfigs.write(w, config, false), "the same config again is a no-op");
    JobException other = assertThrows(JobException.class,
        () -> PublishedConfigs.write(w, RoundConfig.of("c", DS, 1, OracleConfig.grr(3, 100)), false));
    assertTrue(other.getMessage().contains("immutable"), other.getMessage());
    assertEquals(published, PublishedConfigs.read(w, "c", DS));
    // An edit in place (through Hadoop's file system, as an operator's tool would) is refused by name.
    w.writeText(w.configPath("c", DS), config.format().replace("epsilon=2.0", "epsilon=3.0"));
    JobException edited = assertThrows(JobException.class, () -> PublishedConfigs.read(w, "c", DS));
    assertTrue(edited.getMessage().contains("changed after publication"), edited.getMessage());
    assertEquals(ExitCode.MISSING_INPUT, edited.exitCode());
  }

  @Test
  void aConfigPublishedForAnotherDateIsRefused() {
    Warehouse w = warehouse();
    LocalDate other = DS.plusDays(1);
    w.writeText(w.configPath("c", other), RoundConfig.of("c", DS, 1, OracleConfig.grr(2, 100)).format());
    JobException e = assertThrows(JobException.class, () -> PublishedConfigs.read(w, "c", other));
    assertTrue(e.getMessage().contains("published for campaign c on " + DS), e.getMessage());
  }

  @Test
  void theFleetsLockIsExclusiveReleasedOnCloseAndTakenOverWhenStale() throws Exception {
    Warehouse w = warehouse();
    Path lock = dir.resolve("wh").resolve("_locks").resolve("ledger-f.lock");
    try (FleetLock held = FleetLock.acquire(w, "f", 0)) {
      assertTrue(Files.exists(lock));
      JobException busy = assertThrows(JobException.class, () -> FleetLock.acquire(w, "f", 0));
      assertEquals(ExitCode.LOCKED, busy.exitCode());
      try (FleetLock other = FleetLock.acquire(w, "g", 0)) {
        assertTrue(Files.exists(dir.resolve("wh").resolve("_locks").resolve("ledger-g.lock")), "fleets apart");
      }
    }
    assertFalse(Files.exists(lock), "released on close");
    Files.writeString(lock, "a killed run");
    assertTrue(lock.toFile().setLastModified(System.currentTimeMillis()
        - FleetLock.STALE_AFTER.toMillis() - 60_000));
    try (FleetLock taken = FleetLock.acquire(w, "f", 0)) {
      assertTrue(Files.readString(lock).contains(w.runId()), "taken over by this run");
    }
  }
}
