package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.dpcurate.discovery.DiscoveredString;
import org.dpcurate.discovery.DiscoveryConfig;
import org.dpcurate.discovery.DiscoveryResult;
import org.dpcurate.simulation.discovery.InMemoryChannel;
import org.dpcurate.discovery.PrefixTreeDiscovery;
import org.dpcurate.simulation.discovery.PromptPopulation;
import org.dpcurate.simulation.discovery.PromptPopulationConfig;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.tables.DiscoveredTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discover job end to end on local[2] with real Parquet tables, at tiny scale. */
class DiscoverTest extends SparkTestBase {
  @TempDir
  static Path dir;
  static Path population;
  static String warehouse;
  static SparkTestBase.Outcome both;

  @BeforeAll
  static void runBothMethods() throws IOException {
    population = dir.resolve("prompts.properties");
    Files.writeString(population, String.join("\n", "devices=30000", "vocabulary.size=60", "min.words=2",
        "max.words=4", "heavy.hitters=6", "heavy.share=0.6", "heavy.zipf=0.5", "word.zipf=1.0", "order.seed=3"));
    warehouse = dir.resolve("wh").toString();
    both = run(new DiscoverJob(), "--warehouse", warehouse, "--population", population.toString(), "--method",
        "both", "--seed", "3", "--fragment-hash-bits", "4", "--fragment-sketch-rows", "64",
        "--fragment-sketch-columns", "256", "--evaluate-share", "0.05");
  }

  private static List<Row> rows(String table, String campaign) {
    return spark.read().parquet(warehouse + "/" + table + "/campaign=" + campaign).collectAsList();
  }

  @Test
  void discoversThePlantedHeavyHittersWithTheSameEstimatesAsTheInProcessChannel() {
    assertEquals(ExitCode.SUCCESS, both.code(), both.stderr());
    PromptPopulation hidden = new PromptPopulation(PromptPopulationConfig.load(population));
    DiscoveryResult inProcess = PrefixTreeDiscovery.run(hidden.vocabulary(), 4, 30_000, DiscoveryConfig.defaults(4),
        new InMemoryChannel(hidden, 3));
    List<Row> table = spark.read().parquet(warehouse + "/discovered/campaign=prompts-prefix-tree")
        .orderBy("rank").collectAsList();
    assertEquals(inProcess.discovered().size(), table.size());
    for (int i = 0; i < table.size(); i++) {
      DiscoveredString d = inProcess.discovered().get(i);
      Row r = table.get(i);
      assertEquals(d.text(), r.getAs("text"));
      assertEquals(d.estimate(), (double) r.getAs("estimate"), 1e-9, "reports through Parquet aggregate exactly");
      assertEquals(d.stdError(), (double) r.getAs("std_error"), 1e-9);
    }
    Set<String> found = table.stream().map(r -> (String) r.getAs("text")).collect(Collectors.toSet());
    assertTrue(found.containsAll(hidden.heavyHitterTexts()), found + " lacks some of " + hidden.heavyHitterTexts());
    assertEquals(Arrays.asList(DiscoveredTable.SCHEMA.fieldNames()),
        Arrays.asList(spark.read().parquet(warehouse + "/discovered/campaign=prompts-sfp").columns()));
    assertTrue(both.stdout().contains("prefix-tree") && both.stdout().contains("recall"), both.stdout());
  }

  /** Every round is a dated partition: reports of its cohort, its candidates, a ledger row with its cohort. */
  @Test
  void everyRoundCommitsItsReportsCandidatesAndLedgerWithDisjointCohorts() {
    List<Row> ledger = rows("ledger", "prompts-prefix-tree");
    assertEquals(5, ledger.size(), "4 words and the end marker");
    Set<String> cohorts = new TreeSet<>();
    long reports = 0;
    for (Row r : ledger) {
      cohorts.add(r.getAs("cohort"));
      assertEquals(4.0, (double) r.getAs("epsilon"), 0);
      assertEquals(4.0, (double) r.getAs("cumulative_epsilon"), 1e-12, "disjoint cohorts: no device spends twice");
      assertEquals(1, (int) r.getAs("segment_words"));
      reports += (long) r.getAs("devices");
    }
    assertEquals(Set.of("1/5", "2/5", "3/5", "4/5", "5/5"), cohorts);
    assertEquals(30_000, reports, "the cohorts partition the devices");
    List<Row> rounds = rows("discovery_rounds", "prompts-prefix-tree");
    Set<String> statuses = rounds.stream().map(r -> (String) r.getAs("status")).collect(Collectors.toSet());
    assertTrue(statuses.containsAll(Set.of("discovered", "extended", "pruned")), statuses.toString());
    for (int day = 1; day <= 5; day++) {
      assertTrue(Files.exists(Path.of(warehouse, "discovery_rounds", "campaign=prompts-prefix-tree",
          "ds=2026-02-0" + day, Manifest.FILE)), "round " + day + " committed");
    }
    List<Row> sfpLedger = rows("ledger", "prompts-sfp");
    assertEquals(Set.of("fragments", "scoring"),
        sfpLedger.stream().map(r -> (String) r.getAs("stage")).collect(Collectors.toSet()));
  }

  @Test
  void badOptionsAreUsageErrors() {
    String[] base = {"--warehouse", dir.resolve("bad").toString(), "--population", population.toString()};
    Outcome method = run(new DiscoverJob(), concat(base, "--method", "trie"));
    assertEquals(ExitCode.USAGE, method.code());
    assertTrue(method.stderr().contains("--method must be prefix-tree, sfp or both"), method.stderr());
    Outcome shares = run(new DiscoverJob(), concat(base, "--cohort-shares", "1,2"));
    assertEquals(ExitCode.USAGE, shares.code());
    assertTrue(shares.stderr().contains("2 cohort shares given for 5 rounds"), shares.stderr());
    Outcome oracle = run(new DiscoverJob(), concat(base, "--oracle", "GRR"));
    assertEquals(ExitCode.USAGE, oracle.code());
    assertTrue(oracle.stderr().contains("FLH, OLH, CMS or HCMS"), oracle.stderr());
    Outcome eps = run(new DiscoverJob(), concat(base, "--round-epsilons", "1,1,1,1,5"));
    assertEquals(ExitCode.USAGE, eps.code());
    assertTrue(eps.stderr().contains("per-device budget"), eps.stderr());
  }

  @Test
  void roundsBeyondTheBudgetAreRefused() {
    Outcome over = run(new DiscoverJob(), "--warehouse", dir.resolve("budget").toString(), "--population",
        population.toString(), "--budget", "3");
    assertEquals(ExitCode.BUDGET_EXCEEDED, over.code());
    assertTrue(over.stderr().contains("cohort 1/5"), over.stderr());
  }
}
