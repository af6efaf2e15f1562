package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.refinement.PoolRefiner;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The per-date steps every job composes: simulate, estimate, refine. */
public final class RoundSteps {
  private static final Logger LOG = LoggerFactory.getLogger(RoundSteps.class);

  private RoundSteps() {}

  /** Publishes the date's oracle config for its candidates and simulates the devices; returns true counts. */
  public static long[] simulate(SparkSession spark, Warehouse w, CampaignSettings s, LocalDate ds,
      PrivatePopulation population) {
    List<Candidate> pool = CandidateTable.read(spark, w, s.campaign(), ds, s.embedder());
    long devices = s.population().devices();
    OracleConfig config = s.oracleFor(pool.size(), devices);
    RoundConfigs.Published published = RoundConfigs.write(w, s.campaign(), ds, pool.get(0).round(), config);
    return RoundSimulation.run(spark, w, s.campaign(), ds, published, pool, population, devices,
        s.population().messagesPerDevice(), s.seed());
  }

  /** What estimating a date produced. */
  public record Estimated(String outcome, RoundConfigs.Published published, List<Candidate> pool,
      List<RankedCandidate> ranking, RoundEstimation.Result input, double seconds) {
    public long selected() {
      return ranking.stream().filter(RankedCandidate::selected).count();
    }
  }

  /**
   * Checks the privacy budget, validates and aggregates the date's reports, commits the ranking (empty, with an
   * explicit outcome, when no report was valid) and the ledger entry.
   */
  public static Estimated estimate(SparkSession spark, Warehouse w, CampaignSettings s, LocalDate ds) {
    long start = System.nanoTime();
    RoundConfigs.Published published = RoundConfigs.read(w, s.campaign(), ds);
    PrivacyLedger.Entry entry = LedgerTable.check(spark, w, s.campaign(), ds, published.oracle().epsilon(),
        s.privacy());
    long read = System.nanoTime();
    List<Candidate> pool = CandidateTable.read(spark, w, s.campaign(), ds, s.embedder());
    LOG.info("{} {}: read {} candidates in {}", s.campaign(), ds, pool.size(), Timing.since(read));
    if (pool.size() != published.oracle().domainSize()) {
      throw new JobException(ExitCode.MISSING_INPUT, s.campaign() + " " + ds + " publishes K="
          + published.oracle().domainSize() + " but its candidates table holds " + pool.size());
    }
    RoundEstimation.Result input = RoundEstimation.run(spark, w, s.campaign(), ds, published,
        s.maxRejectedShare(), s.checkDuplicates(), s.collisionAware());
    long t = System.nanoTime();
    List<RankedCandidate> ranking = input.estimates() == null ? List.of() : s.selection().rank(input.estimates());
    String outcome = input.read() == 0 ? "no_reports" : input.accepted() == 0 ? "no_valid_reports" : "ok";
    Manifest manifest = new Manifest(Warehouse.RANKED, s.campaign(), ds.toString(), published.round(), w.runId(),
        outcome)
        .set("config_hash", published.hash())
        .set("selection", s.selection().toString())
        .set("epsilon_spent", published.oracle().epsilon())
        .set("duplicate_check", s.checkDuplicates())
        .set("decoding", s.collisionAware() ? "collision-aware" : "plain")
        .input(w.partition(Warehouse.REPORTS, s.campaign(), ds))
        .input(w.partition(Warehouse.CANDIDATES, s.campaign(), ds))
        .input(w.roundConfigPath(s.campaign(), ds))
        .count("read", input.read()).count("accepted", input.accepted())
        .count("quarantined", input.quarantinedTotal()).count("quarantined_by_reason", input.quarantined())
        .timing("validate_aggregate", input.seconds());
    long write = System.nanoTime();
    RankedTable.write(spark, w, s.campaign(), ds, published.round(), pool, ranking, input.accepted(),
        published.oracle(), manifest.timing("rank", Timing.seconds(t)));
    LOG.info("{} {}: ranked {} candidates and wrote them in {}", s.campaign(), ds, ranking.size(),
        Timing.since(write));
    LedgerTable.write(spark, w, s.campaign(), ds, published.round(), published, input.accepted(), entry,
        s.privacy());
    return new Estimated(outcome, published, pool, ranking, input, Timing.seconds(start));
  }

  /** Refines date {@code ds}'s ranking into the candidates of {@code ds + 1}. */
  public static PoolRefiner.Result refine(SparkSession spark, Warehouse w, CampaignSettings s, LocalDate ds,
      List<Candidate> pool, List<RankedCandidate> ranking, List<Candidate> generated) {
    long start = System.nanoTime();
    int round = pool.get(0).round();
    PoolRefiner.Result next;
    if (ranking.isEmpty()) {
      // Nothing was learned on ds: the same pool runs again.
      next = new PoolRefiner.Result(pool.stream().map(c -> c.inRound(round + 1)).toList(), pool.size(), 0, 0, 0,
          java.util.Map.of());
    } else {
      next = Refinements.refine(spark, w, s, ds, pool, ranking, round + 1, generated);
    }
    Manifest m = new Manifest(Warehouse.CANDIDATES, s.campaign(), ds.plusDays(1).toString(), round + 1, w.runId(),
        "ok")
        .input(w.partition(Warehouse.RANKED, s.campaign(), ds))
        .input(w.partition(Warehouse.CANDIDATES, s.campaign(), ds))
        .set("variation", s.variation())
        .set("strength", s.refinement().strength(round + 1))
        .count("survivors", next.survivors()).count("variations", next.variations())
        .count("explored", next.explored()).count("generated", generated.size())
        .timing("refine", Timing.seconds(start));
    CandidateTable.write(spark, w, s.campaign(), ds.plusDays(1), next.pool(), m);
    return next;
  }

  /** Reads what {@link #refine} needs from the warehouse. */
  public static PoolRefiner.Result refineFromTables(SparkSession spark, Warehouse w, CampaignSettings s,
      LocalDate ds, String generatedPath) {
    List<Candidate> pool = CandidateTable.read(spark, w, s.campaign(), ds, s.embedder());
    List<RankedCandidate> ranking = RankedTable.read(spark, w, s.campaign(), ds);
    if (!ranking.isEmpty() && ranking.size() != pool.size()) {
      throw new JobException(ExitCode.MISSING_INPUT, "ranked " + ds + " has " + ranking.size()
          + " rows but the date has " + pool.size() + " candidates");
    }
    List<Candidate> generated = generatedPath == null ? List.of()
        : Refinements.readGenerated(spark, generatedPath, pool, pool.get(0).round() + 1, s.embedder());
    return refine(spark, w, s, ds, pool, ranking, generated);
  }
}
