package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.evaluation.CuratedWeights;
import org.dpcurate.evaluation.RoundEvaluator;
import org.dpcurate.evaluation.RoundMetrics;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R rounds end to end: initial pool, then per round simulate, estimate, rank, evaluate and refine; finally the
 * curated training table, the per-round metrics and a JSON summary. Optionally also the single-round baseline
 * (the same total number of reports spent on the initial pool) and the non-private reference (eps = infinity).
 */
public final class CurateJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(CurateJob.class);
  private static final int TOP_K = 20;

  public static final StructType METRICS_SCHEMA = new StructType()
      .add("variant", DataTypes.StringType, false)
      .add("round", DataTypes.IntegerType, false)
      .add("oracle", DataTypes.StringType, true)
      .add("epsilon", DataTypes.DoubleType, true)
      .add("devices", DataTypes.LongType, false)
      .add("pool_size", DataTypes.IntegerType, false)
      .add("selected", DataTypes.IntegerType, false)
      .add("total_variation", DataTypes.DoubleType, false)
      .add("coverage", DataTypes.DoubleType, false)
      .add("pool_coverage", DataTypes.DoubleType, false)
      .add("top_k_recall", DataTypes.DoubleType, true)
      .add("mean_abs_z", DataTypes.DoubleType, true)
      .add("interval_coverage", DataTypes.DoubleType, true)
      .add("simulate_seconds", DataTypes.DoubleType, false)
      .add("estimate_seconds", DataTypes.DoubleType, false)
      .add("refine_seconds", DataTypes.DoubleType, false)
      .add("ds", DataTypes.StringType, true);

  public static final StructType CURATED_SCHEMA = CandidateTable.withCoarseAttributes(new StructType()
      .add("candidate_id", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("estimate", DataTypes.DoubleType, false)
      .add("std_error", DataTypes.DoubleType, false)
      .add("round", DataTypes.IntegerType, false)
      .add("parent_id", DataTypes.StringType, true)
      .add("generation", DataTypes.IntegerType, false))
      .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("ds", DataTypes.StringType, false);

  public static void main(String[] args) {
    JobRunner.main(new CurateJob(), args);
  }

  @Override
  public String name() {
    return "curate";
  }

  @Override
  public String summary() {
    return "run R curation rounds end to end and write the curated training table";
  }

  @Override
  public void define(Cli cli) {
    CampaignSettings.addOptions(cli);
    cli.option("start", "YYYY-MM-DD", "date of round 1; round r runs on start + r - 1 (default 2026-01-01)");
    cli.option("rounds", "R", "rounds to run, >= 1 (default 5)");
    cli.flag("baseline", "also run the single-round baseline: rounds x devices reports on the initial pool");
    cli.flag("noise-free-reference", "also run the same rounds with eps = infinity (exact votes) for comparison");
  }

  /** One row of the metrics table. */
  record RoundRow(String variant, LocalDate ds, RoundMetrics m, OracleConfig config, long devices, double simulate,
      double estimate, double refine) {}

  /** What one loop produced. */
  record LoopResult(List<RoundRow> rows, LocalDate lastDs, List<Candidate> finalPool,
      List<RankedCandidate> finalRanking) {}

  @Override
  public void run(Cli cli) {
    CampaignSettings s = CampaignSettings.from(cli);
    LocalDate start = Dates.parse("start", cli.string("start", "2026-01-01"));
    int rounds = cli.intValue("rounds", 5, 1, 1000);
    SparkSession spark = Sessions.getOrCreate("dpcurate-curate");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    long t = System.nanoTime();
    PrivatePopulation population = s.privatePopulation();
    RoundEvaluator evaluator = new RoundEvaluator(population, TOP_K);
    List<Candidate> initial = CandidateTable.published(
        s.generator().initialPool(s.candidates(), 1, s.random("generate", 1)));
    List<RoundRow> rows = new ArrayList<>();
    rows.add(new RoundRow("curated", null, evaluator.initialPool(initial), null, 0, 0, 0, 0));

    LoopResult curated = loop(spark, w, s, "curated", population, evaluator, initial, start, rounds);
    rows.addAll(curated.rows());
    writeCurated(spark, w, s.campaign(), curated);

    if (cli.has("baseline")) {
      CampaignSettings baseline = s.variant(s.campaign() + "-baseline", s.epsilon(), s.privacy().budgetEpsilon(),
          s.population().withDevices(s.population().devices() * rounds));
      rows.addAll(loop(spark, w, baseline, "baseline", population, evaluator, initial, start, 1).rows());
    }
    if (cli.has("noise-free-reference") && !Double.isInfinite(s.epsilon())) {
      CampaignSettings reference = s.variant(s.campaign() + "-noise-free", Double.POSITIVE_INFINITY,
          Double.POSITIVE_INFINITY, s.population());
      rows.addAll(loop(spark, w, reference, "noise-free", population, evaluator, initial, start, rounds).rows());
    }
    writeMetrics(spark, w, s.campaign(), rows);
    System.out.print(table(rows));
    String summaryPath = w.root() + "/summaries/" + s.campaign() + ".json";
    w.writeText(summaryPath, summaryJson(s, rounds, rows, Timing.seconds(t)));
    System.out.println("outputs under " + w.root() + "; summary " + summaryPath);
  }

  static LoopResult loop(SparkSession spark, Warehouse w, CampaignSettings s, String variant,
      PrivatePopulation population, RoundEvaluator evaluator, List<Candidate> initial, LocalDate start,
      int rounds) {
    List<RoundRow> rows = new ArrayList<>();
    long devices = s.population().devices();
    CandidateTable.write(spark, w, s.campaign(), start, initial,
        new Manifest(Warehouse.CANDIDATES, s.campaign(), start.toString(), 1, w.runId(), "ok")
            .set("source", "generator prior, seed " + s.seed()));
    RoundSteps.Estimated last = null;
    for (int round = 1; round <= rounds; round++) {
      LocalDate ds = start.plusDays(round - 1L);
      LOG.info("{} round {}/{} ({}): {} devices", variant, round, rounds, ds, devices);
      long t0 = System.nanoTime();
      long[] truth = RoundSteps.simulate(spark, w, s, ds, population);
      double simulate = Timing.seconds(t0);
      last = RoundSteps.estimate(spark, w, s, ds);
      if (last.ranking().isEmpty()) {
        throw new JobException(ExitCode.FAILURE, variant + " " + ds + ": no valid reports in a simulation");
      }
      RoundMetrics m = evaluator.round(round, last.pool(), last.ranking(), truth);
      LOG.info("{} round {}: {}", variant, round, m.row().trim());
      long t2 = System.nanoTime();
      if (round < rounds) {
        RoundSteps.refine(spark, w, s, ds, last.pool(), last.ranking(), List.of());
      }
      rows.add(new RoundRow(variant, ds, m, last.published().oracle(), devices, simulate, last.seconds(),
          round < rounds ? Timing.seconds(t2) : 0));
    }
    return new LoopResult(rows, start.plusDays(rounds - 1L), last.pool(), last.ranking());
  }

  static void writeCurated(SparkSession spark, Warehouse w, String campaign, LoopResult result) {
    List<RankedCandidate> selected = result.finalRanking().stream().filter(RankedCandidate::selected).toList();
    double[] weights = CuratedWeights.of(selected);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < selected.size(); i++) {
      RankedCandidate r = selected.get(i);
      Candidate c = result.finalPool().get(r.index());
      Object[] a = CandidateTable.attributes(c.spec());
      rows.add(RowFactory.create(c.id(), c.text(), weights[i], r.estimate(), r.stdError(), c.round(), c.parentId(),
          c.generation(), a[0], a[1], a[2], a[3], a[4], a[5], CandidateTable.boxed(c.embedding()),
          result.lastDs().toString()));
    }
    w.commitCampaign(spark.createDataFrame(rows, CURATED_SCHEMA).coalesce(1), Warehouse.CURATED, campaign,
        new Manifest(Warehouse.CURATED, campaign, result.lastDs().toString(), result.finalPool().get(0).round(),
            w.runId(), "ok").input(w.partition(Warehouse.RANKED, campaign, result.lastDs())));
    LOG.info("curated training table: {} candidates", rows.size());
  }

  static void writeMetrics(SparkSession spark, Warehouse w, String campaign, List<RoundRow> rows) {
    List<Row> out = new ArrayList<>();
    for (RoundRow r : rows) {
      RoundMetrics m = r.m();
      out.add(RowFactory.create(r.variant(), m.round(), r.config() == null ? null : r.config().kind().name(),
          r.config() == null ? null : r.config().epsilon(), r.devices(), m.poolSize(), m.selected(),
          m.totalVariation(), m.coverage(), m.poolCoverage(), nullIfNaN(m.topKRecall()), nullIfNaN(m.meanAbsZ()),
          nullIfNaN(m.intervalCoverage()), r.simulate(), r.estimate(), r.refine(),
          r.ds() == null ? null : r.ds().toString()));
    }
    w.commitCampaign(spark.createDataFrame(out, METRICS_SCHEMA).coalesce(1), Warehouse.METRICS, campaign,
        new Manifest(Warehouse.METRICS, campaign, null, 0, w.runId(), "ok"));
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  static String table(List<RoundRow> rows) {
    StringBuilder out = new StringBuilder(String.format("%n%-11s %5s %s%n", "variant", "eps",
        RoundMetrics.header()));
    for (RoundRow r : rows) {
      String eps = r.config() == null ? "-" : Double.isInfinite(r.config().epsilon()) ? "inf"
          : String.format(Locale.ROOT, "%.2g", r.config().epsilon());
      out.append(String.format("%-11s %5s %s%n", r.variant(), eps, r.m().row()));
    }
    return out.toString();
  }

  static String summaryJson(CampaignSettings s, int rounds, List<RoundRow> rows, double seconds) {
    StringBuilder json = new StringBuilder("{\n");
    json.append(String.format(Locale.ROOT, "  \"campaign\": \"%s\",%n  \"rounds\": %d,%n  \"devices_per_round\": %d,%n"
            + "  \"candidates\": %d,%n  \"epsilon\": %s,%n  \"seed\": %d,%n  \"wall_seconds\": %.1f,%n  \"rounds_table\": [%n",
        s.campaign(), rounds, s.population().devices(), s.candidates(), jsonNumber(s.epsilon()), s.seed(), seconds));
    for (int i = 0; i < rows.size(); i++) {
      RoundRow r = rows.get(i);
      RoundMetrics m = r.m();
      json.append(String.format(Locale.ROOT, "    {\"variant\": \"%s\", \"round\": %d, \"oracle\": %s, "
              + "\"selected\": %d, \"total_variation\": %s, \"coverage\": %s, \"pool_coverage\": %s, "
              + "\"top_k_recall\": %s, \"mean_abs_z\": %s, \"interval_coverage\": %s, \"simulate_seconds\": %.2f, "
              + "\"estimate_seconds\": %.2f, \"refine_seconds\": %.2f}%s%n",
          r.variant(), m.round(), r.config() == null ? "null" : "\"" + r.config().kind() + "\"", m.selected(),
          jsonNumber(m.totalVariation()), jsonNumber(m.coverage()), jsonNumber(m.poolCoverage()),
          jsonNumber(m.topKRecall()), jsonNumber(m.meanAbsZ()), jsonNumber(m.intervalCoverage()), r.simulate(),
          r.estimate(), r.refine(), i + 1 < rows.size() ? "," : ""));
    }
    json.append("  ]\n}\n");
    return json.toString();
  }

  private static String jsonNumber(double v) {
    if (Double.isNaN(v)) {
      return "null";
    }
    if (Double.isInfinite(v)) {
      return "\"Infinity\"";
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
