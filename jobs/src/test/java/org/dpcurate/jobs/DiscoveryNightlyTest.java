package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.discovery.DiscoveryConfig;
import org.dpcurate.discovery.PrefixCandidates;
import org.dpcurate.discovery.PromptVocabulary;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.tables.DiscoveryCandidatesTable;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prefix-tree discovery as nightly rounds with no simulator: each night devices of the round's cohort download the
 * published candidate list, upload JSON lines, the server ingests them, estimates the round and publishes the next.
 */
class DiscoveryNightlyTest extends SparkTestBase {
  private static final int DEVICES = 30_000;
  private static final int VOCABULARY = 40;
  private static final LocalDate START = LocalDate.of(2026, 10, 1);

  @TempDir
  Path dir;

  private String wh() {
    return dir.resolve("wh").toString();
  }

  /** Device d's string: 40% "w0 w1", 30% "w2", 20% "w3 w4", 10% a pair of rarer words. */
  private static String prompt(PromptVocabulary v, int d) {
    int bucket = d % 10;
    if (bucket < 4) {
      return v.word(0) + " " + v.word(1);
    }
    if (bucket < 7) {
      return v.word(2).toUpperCase(java.util.Locale.ROOT);
    }
    if (bucket < 9) {
      return v.word(3) + "  " + v.word(4);
    }
    SplittableRandom r = new SplittableRandom(d);
    return v.word(5 + r.nextInt(VOCABULARY - 5)) + " " + v.word(5 + r.nextInt(VOCABULARY - 5));
  }

  /** The reference client: the round's cohort downloads the list and config and uploads its reports. */
  private void devicesReport(LocalDate ds, int round, int rounds) throws Exception {
    Warehouse w = new Warehouse(wh(), spark);
    PublishedConfig config = PublishedConfigs.read(w, "trends", ds);
    assertEquals(round, config.round());
    DiscoveryCandidatesTable.Listed listed = DiscoveryCandidatesTable.read(w, "trends", ds);
    PromptVocabulary v = PromptVocabulary.ofSize(VOCABULARY);
    PrefixCandidates encoder = new PrefixCandidates(listed.candidates(), listed.candidates().get(0).length, 3,
        v.end());
    FrequencyOracle oracle = FrequencyOracle.of(config.oracle());
    long[] bounds = DiscoveryConfig.cohortBounds(DEVICES, new DiscoveryConfig(4, 1, 128, new double[0],
        new double[0], config.oracle().kind(), 0.05, 0, 8, 0.7, 256, 1024, 2000, 0L).sharesFor(rounds));
    List<String> lines = new ArrayList<>();
    for (long d = bounds[round - 1]; d < bounds[round]; d++) {
      SplittableRandom rng = new SplittableRandom(1000L * round + d);
      int value = encoder.valueOf(v.tokensOf(prompt(v, (int) d)), rng);
      Report report = value < 0 ? oracle.randomizeAbsent(rng) : oracle.randomize(value, rng);
      lines.add(UploadRecord.encode(UploadRecord.reportId(rng.nextLong(), rng.nextLong()), config.hash(), report,
          config.oracle().epsilon()));
    }
    Path batch = Files.createDirectories(dir.resolve("wh").resolve("landing").resolve("campaign=trends")
        .resolve("ds=" + ds).resolve("batch=1"));
    Files.write(batch.resolve("uploads.jsonl"), lines, StandardCharsets.UTF_8);
  }

  @Test
  void threeNightlyRoundsDiscoverThePopularStrings() throws Exception {
    String[] base = {"--warehouse", wh(), "--campaign", "trends"};
    Outcome first = run(new DiscoverRoundJob(), concat(base, "--ds", START.toString(), "--first",
        "--vocabulary-size", Integer.toString(VOCABULARY), "--max-words", "2", "--expected-devices",
        Integer.toString(DEVICES), "--epsilon", "4"));
    assertEquals(ExitCode.SUCCESS, first.code(), first.stderr());
    int rounds = 3;
    for (int round = 1; round <= rounds; round++) {
      LocalDate ds = START.plusDays(round - 1L);
      devicesReport(ds, round, rounds);
      Outcome ingested = run(new IngestJob(), concat(base, "--ds", ds.toString()));
      assertEquals(ExitCode.SUCCESS, ingested.code(), ingested.stderr());
      Outcome night = run(new DiscoverRoundJob(), concat(base, "--ds", ds.toString()));
      assertEquals(ExitCode.SUCCESS, night.code(), night.stderr());
      assertTrue(night.stdout().contains("round " + round + " of 3"), night.stdout());
    }
    List<Row> found = spark.read().parquet(Path.of(wh(), "discovered", "campaign=trends").toString())
        .orderBy("rank").collectAsList();
    PromptVocabulary v = PromptVocabulary.ofSize(VOCABULARY);
    Map<String, Double> shares = found.stream().collect(Collectors.toMap(r -> (String) r.getAs("text"),
        r -> (Double) r.getAs("share")));
    String a = v.word(0) + " " + v.word(1);
    String b = v.word(2);
    String c = v.word(3) + " " + v.word(4);
    assertTrue(shares.keySet().containsAll(List.of(a, b, c)), shares.toString());
    assertEquals(0.4, shares.get(a), 0.05);
    assertEquals(0.3, shares.get(b), 0.05);
    assertEquals(0.2, shares.get(c), 0.05);
    // Each round is a dated partition with its candidates' fate and a ledger row of its cohort.
    for (int round = 1; round <= rounds; round++) {
      LocalDate ds = START.plusDays(round - 1L);
      assertTrue(Files.exists(Path.of(wh(), "discovery_rounds", "campaign=trends", "ds=" + ds, "_manifest.json")));
      Row ledger = spark.read().parquet(Path.of(wh(), "ledger", "campaign=trends", "ds=" + ds).toString()).first();
      assertEquals(round + "/3", ledger.getAs("cohort"));
      assertEquals(4.0, ledger.getAs("cumulative_epsilon"), 1e-9, "disjoint cohorts compose in parallel");
    }
  }
}
