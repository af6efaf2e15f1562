package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-device budget holds across dates in any order, across campaigns, concurrent runs and failures. */
class PrivacyBudgetTest extends SparkTestBase {
  @TempDir
  Path dir;

  private String wh() {
    return dir.resolve("wh").toString();
  }

  private String[] args(String campaign, String ds, String... extra) throws Exception {
    return concat(new String[] {"--warehouse", wh(), "--campaign", campaign, "--population",
        tinyPopulation(dir).toString(), "--candidates", "30", "--oracle", "GRR", "--epsilon", "2", "--devices",
        "4000", "--ds", ds}, extra);
  }

  private void prepare(String campaign, String... dates) throws Exception {
    for (String ds : dates) {
      assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), args(campaign, ds)).code());
      Outcome o = runShared(new SimulateJob(), args(campaign, ds));
      assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    }
  }

  private Outcome estimate(String campaign, String ds, String... extra) throws Exception {
    return runShared(new EstimateJob(), args(campaign, ds, extra));
  }

  private Path partition(String table, String campaign, String ds) {
    return Path.of(wh(), table, "campaign=" + campaign, "ds=" + ds);
  }

  private Row ledger(String campaign, String ds) {
    return spark.read().parquet(partition("ledger", campaign, ds).toString()).first();
  }

  @Test
  void aBackfillOfAnEarlierDateCountsTheRoundsAfterIt() throws Exception {
    prepare("bf", "2026-01-01", "2026-01-02", "2026-01-03");
    assertEquals(ExitCode.SUCCESS, estimate("bf", "2026-01-02", "--budget", "4").code());
    assertEquals(ExitCode.SUCCESS, estimate("bf", "2026-01-03", "--budget", "4").code());
    Outcome backfill = estimate("bf", "2026-01-01", "--budget", "4");
    assertEquals(ExitCode.BUDGET_EXCEEDED, backfill.code(), backfill.stderr());
    assertTrue(backfill.stderr().contains("campaigns [bf]"), backfill.stderr());
    assertFalse(Files.exists(partition("ranked", "bf", "2026-01-01")));
    // A re-run replaces its own spend: 2026-01-03 again is still within 4.
    assertEquals(ExitCode.SUCCESS, estimate("bf", "2026-01-03", "--budget", "4").code());
    assertEquals(4.0, ledger("bf", "2026-01-03").getAs("cumulative_epsilon"), 1e-12, "never double-counted");
  }

  @Test
  void campaignsShareTheFleetsBudgetUnlessThePolicySplitsTheirDevices() throws Exception {
    prepare("mail", "2026-02-01");
    prepare("images", "2026-02-01");
    assertEquals(ExitCode.SUCCESS, estimate("mail", "2026-02-01", "--budget", "3").code());
    Outcome shared = estimate("images", "2026-02-01", "--budget", "3");
    assertEquals(ExitCode.BUDGET_EXCEEDED, shared.code(), "the same devices: 2 + 2 > 3");
    assertTrue(shared.stderr().contains("mail"), "names the campaign that used the budget: " + shared.stderr());
    Path policy = Files.writeString(dir.resolve("policy.properties"), String.join("\n", "policy.version=7",
        "budget.epsilon=3", "budget.period.days=30", "feature.m.share=0.5", "feature.m.campaigns=mail",
        "feature.i.share=0.5", "feature.i.campaigns=images"));
    Outcome split = estimate("images", "2026-02-01", "--policy", policy.toString());
    assertEquals(ExitCode.SUCCESS, split.code(), split.stderr());
    Row row = ledger("images", "2026-02-01");
    assertEquals("7", row.getAs("policy_version"));
    assertEquals(2.0, row.getAs("cumulative_epsilon"), 1e-12);
    assertTrue(Files.readString(partition("ranked", "images", "2026-02-01").resolve("_manifest.json"))
        .contains((String) row.getAs("policy_hash")), "the policy's hash is in the ranking's manifest");
  }

  @Test
  void theCommandLineCannotLoosenThePolicyExceptByARecordedOverride() throws Exception {
    prepare("cli", "2026-03-01");
    Outcome raised = estimate("cli", "2026-03-01", "--budget", "17");
    assertEquals(ExitCode.USAGE, raised.code());
    assertTrue(raised.stderr().contains("--override-budget"), raised.stderr());
    assertEquals(ExitCode.USAGE, estimate("cli", "2026-03-01", "--budget-period-days", "7").code());
    assertFalse(Files.exists(partition("ledger", "cli", "2026-03-01")));
    Outcome overridden = estimate("cli", "2026-03-01", "--budget", "17", "--override-budget");
    assertEquals(ExitCode.SUCCESS, overridden.code(), overridden.stderr());
    Row row = ledger("cli", "2026-03-01");
    assertTrue((Boolean) row.getAs("budget_override"));
    assertEquals(17.0, row.getAs("budget_epsilon"), 0);
  }

  @Test
  void aFailedLedgerCommitPublishesNoRanking() throws Exception {
    prepare("fail", "2026-04-01");
    Files.createDirectories(Path.of(wh(), "ledger"));
    Files.writeString(Path.of(wh(), "ledger", "campaign=fail"), "not a directory");
    Outcome o = estimate("fail", "2026-04-01");
    assertEquals(ExitCode.WRITE_FAILED, o.code(), o.stderr());
    assertFalse(Files.exists(partition("ranked", "fail", "2026-04-01")), "no ranking without its ledger row");
  }

  @Test
  void aKilledFirstLedgerCommitDoesNotBlockTheNextRun() throws Exception {
    prepare("killed", "2026-05-01");
    Path staging = Path.of(wh(), "ledger", "campaign=killed", ".staging-ds=2026-05-01-dead");
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("part-00000.parquet"), "half a file");
    Outcome o = estimate("killed", "2026-05-01");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    assertFalse(Files.exists(staging), "the next commit of the partition removes it");
  }

  @Test
  void twoConcurrentRunsCannotBothTakeTheLastOfTheBudget() throws Exception {
    prepare("race", "2026-06-01", "2026-06-02");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ExitCode>> runs = new ArrayList<>();
      for (String ds : new String[] {"2026-06-01", "2026-06-02"}) {
        String[] a = args("race", ds, "--budget", "3");
        runs.add(pool.submit(() -> JobRunner.run(new EstimateJob(), onlyDeclared(new EstimateJob(), a))));
      }
      List<ExitCode> codes = new ArrayList<>();
      for (Future<ExitCode> f : runs) {
        codes.add(f.get());
      }
      assertTrue(codes.contains(ExitCode.SUCCESS) && codes.contains(ExitCode.BUDGET_EXCEEDED), codes.toString());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aLiveLockIsRespectedAndAStaleOneTakenOver() throws Exception {
    prepare("lock", "2026-07-01");
    Path lock = Path.of(wh(), "_locks", "ledger-fleet.lock");
    Files.createDirectories(lock.getParent());
    Files.writeString(lock, "run elsewhere");
    Outcome held = estimate("lock", "2026-07-01", "--lock-wait", "1");
    assertEquals(ExitCode.LOCKED, held.code(), held.stderr());
    assertTrue(held.stderr().contains(lock.getFileName().toString()), held.stderr());
    assertTrue(lock.toFile().setLastModified(System.currentTimeMillis() - 31 * 60_000L));
    assertEquals(ExitCode.SUCCESS, estimate("lock", "2026-07-01").code());
    assertFalse(Files.exists(lock), "released after the commit");
  }

  @Test
  void sampledRoundsPollTheirShareAndTheLedgerRecordsTheAmplifiedBound() throws Exception {
    Path policy = Files.writeString(dir.resolve("sampled.properties"), String.join("\n", "policy.version=s1",
        "budget.epsilon=16", "budget.period.days=30", "accounting=sampled", "sampling.rate=0.25"));
    String[] extra = {"--policy", policy.toString()};
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), args("poll", "2026-08-01")).code());
    assertEquals(ExitCode.SUCCESS, runShared(new SimulateJob(), args("poll", "2026-08-01", extra)).code());
    long reports = spark.read().parquet(partition("reports", "poll", "2026-08-01").toString()).count();
    assertEquals(1000, reports, 5 * Math.sqrt(4000 * 0.25 * 0.75), "a quarter of 4,000 devices");
    assertEquals(ExitCode.SUCCESS, estimate("poll", "2026-08-01", extra).code());
    Row row = ledger("poll", "2026-08-01");
    double bound = Math.log(1 + 0.25 * (Math.exp(2) - 1));
    assertEquals(bound, row.getAs("sampled_epsilon"), 1e-12);
    assertEquals(bound, row.getAs("charged_epsilon"), 1e-12);
    assertEquals(2.0, row.getAs("epsilon"), 0);
    assertEquals(reports, (long) row.getAs("devices"));
  }

  private Path policyFile(String name, String... lines) throws Exception {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  @Test
  void theFleetsPolicyCannotBeSwappedRolledBackReplacedByTheDefaultOrLoosenedWithoutAnOverride() throws Exception {
    prepare("gov", "2026-09-01", "2026-09-02");
    Path v1 = policyFile("v1.properties", "policy.version=1", "budget.epsilon=4", "budget.period.days=30");
    Path swapped = policyFile("swapped.properties", "policy.version=1", "budget.epsilon=100",
        "budget.period.days=30");
    Path v2 = policyFile("v2.properties", "policy.version=2", "budget.epsilon=100", "budget.period.days=30");
    Path elsewhere = policyFile("other.properties", "policy.version=1", "fleet=other", "budget.epsilon=4",
        "budget.period.days=30");
    assertEquals(ExitCode.SUCCESS, estimate("gov", "2026-09-01", "--policy", v1.toString()).code());
    Outcome swap = estimate("gov", "2026-09-02", "--policy", swapped.toString());
    assertEquals(ExitCode.MISSING_INPUT, swap.code(), swap.stderr());
    String v1Hash = PrivacyPolicy.parse(Files.readString(v1)).hash();
    String swappedHash = PrivacyPolicy.parse(Files.readString(swapped)).hash();
    assertTrue(swap.stderr().contains(v1Hash) && swap.stderr().contains(swappedHash), swap.stderr());
    Outcome builtIn = estimate("gov", "2026-09-02");
    assertEquals(ExitCode.MISSING_INPUT, builtIn.code(), builtIn.stderr());
    assertTrue(builtIn.stderr().contains("built-in default"), builtIn.stderr());
    Outcome looser = estimate("gov", "2026-09-02", "--policy", v2.toString());
    assertEquals(ExitCode.BUDGET_EXCEEDED, looser.code(), looser.stderr());
    assertTrue(looser.stderr().contains("--override-budget"), looser.stderr());
    assertFalse(Files.exists(partition("ledger", "gov", "2026-09-02")), "nothing written");
    Outcome overridden = estimate("gov", "2026-09-02", "--policy", v2.toString(), "--override-budget");
    assertEquals(ExitCode.SUCCESS, overridden.code(), overridden.stderr());
    Row row = ledger("gov", "2026-09-02");
    assertEquals("2", row.getAs("policy_version"));
    assertTrue((Boolean) row.getAs("budget_override"), "the override is recorded");
    // A re-run of 09-02 under an older version or another fleet is refused before anything is read.
    Outcome back = estimate("gov", "2026-09-02", "--policy", v1.toString());
    assertEquals(ExitCode.MISSING_INPUT, back.code(), back.stderr());
    assertTrue(back.stderr().contains("only go up"), back.stderr());
    Outcome moved = estimate("gov", "2026-09-02", "--policy", elsewhere.toString());
    assertEquals(ExitCode.MISSING_INPUT, moved.code(), moved.stderr());
    assertTrue(moved.stderr().contains("ledger rows under fleet [fleet]"), moved.stderr());
  }

  @Test
  void publishChecksTheRoundsBudgetBeforeAnyDeviceReports() throws Exception {
    prepare("pub", "2026-10-01");
    assertEquals(ExitCode.SUCCESS, estimate("pub", "2026-10-01", "--budget", "3").code());
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), args("pub", "2026-10-02")).code());
    String[] publish = {"--warehouse", wh(), "--campaign", "pub", "--ds", "2026-10-02", "--oracle", "GRR",
        "--budget", "3"};
    Outcome over = run(new PublishJob(), concat(publish, "--epsilon", "2"));
    assertEquals(ExitCode.BUDGET_EXCEEDED, over.code(), over.stderr());
    assertTrue(over.stderr().contains("campaigns [pub]"), over.stderr());
    Outcome exact = run(new PublishJob(), concat(publish, "--epsilon", "inf", "--override-budget"));
    assertEquals(ExitCode.BUDGET_EXCEEDED, exact.code(), exact.stderr());
    assertTrue(exact.stderr().contains("eps = inf"), exact.stderr());
    assertFalse(Files.exists(Path.of(wh(), "configs", "campaign=pub", "ds=2026-10-02.properties")),
        "nothing published");
    Outcome within = run(new PublishJob(), concat(publish, "--epsilon", "1"));
    assertEquals(ExitCode.SUCCESS, within.code(), within.stderr());
    String manifest = Files.readString(partition("downloads", "pub", "2026-10-02").resolve("_manifest.json"));
    assertTrue(manifest.contains("\"budget_checked_cumulative_epsilon\": 3.0"), manifest);
  }
}
