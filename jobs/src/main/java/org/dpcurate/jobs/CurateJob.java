package org.dpcurate.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.evaluation.CuratedWeights;
import org.dpcurate.evaluation.RoundEvaluator;
import org.dpcurate.evaluation.RoundMetrics;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.refinement.PoolRefiner;
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
      .add("campaign", DataTypes.StringType, false);

  public static final StructType CURATED_SCHEMA = new StructType()
      .add("candidate_id", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("estimate", DataTypes.DoubleType, false)
      .add("std_error", DataTypes.DoubleType, false)
      .add("round", DataTypes.IntegerType, false)
      .add("parent_id", DataTypes.StringType, true)
      .add("generation", DataTypes.IntegerType, false)
      .add("family", DataTypes.StringType, true)
      .add("topic", DataTypes.StringType, true)
      .add("subject", DataTypes.StringType, true)
      .add("language", DataTypes.StringType, true)
      .add("length", DataTypes.StringType, true)
      .add("tone", DataTypes.StringType, true)
      .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("campaign", DataTypes.StringType, false);

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
    cli.option("rounds", "R", "rounds to run, >= 1 (default 5)");
    cli.flag("baseline", "also run the single-round baseline: rounds x devices reports on the initial pool");
    cli.flag("noise-free-reference", "also run the same rounds with eps = infinity (exact votes) for comparison");
  }

  /** One row of the metrics table. */
  record RoundRow(String variant, RoundMetrics m, OracleConfig config, long devices, double simulate,
      double estimate, double refine) {}

  /** What one loop produced. */
  record LoopResult(List<RoundRow> rows, List<Candidate> finalPool, List<RankedCandidate> finalRanking) {}

  @Override
  public void run(Cli cli) {
    CampaignSettings s = CampaignSettings.from(cli);
    int rounds = cli.intValue("rounds", 5, 1, 1000);
    SparkSession spark = Sessions.getOrCreate("dpcurate-curate");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    long start = System.nanoTime();
    PrivatePopulation population = s.privatePopulation();
    RoundEvaluator evaluator = new RoundEvaluator(population, TOP_K);
    List<Candidate> initial = CandidateTable.published(
        s.generator().initialPool(s.candidates(), 1, s.random("generate", 1)));
    RoundMetrics round0 = evaluator.initialPool(initial);
    List<RoundRow> rows = new ArrayList<>();
    rows.add(new RoundRow("curated", round0, null, 0, 0, 0, 0));

    LoopResult curated = loop(spark, w, s, "curated", population, evaluator, initial, rounds);
    rows.addAll(curated.rows());
    writeCurated(spark, w, s.campaign(), curated.finalPool(), curated.finalRanking());

    if (cli.has("baseline")) {
      CampaignSettings b = s.withEpsilon(s.epsilon(), s.campaign() + "-baseline");
      long devices = s.population().devices() * rounds;
      CampaignSettings baseline = new CampaignSettings(b.warehouse(), b.campaign(), b.seed(),
          b.population().withDevices(devices), b.candidates(), b.epsilon(), b.oracle(), b.reportBits(),
          b.selection(), b.maxRejectedShare(), b.variation());
      rows.addAll(loop(spark, w, baseline, "baseline", population, evaluator, initial, 1).rows());
    }
    if (cli.has("noise-free-reference") && !Double.isInfinite(s.epsilon())) {
      CampaignSettings ref = s.withEpsilon(Double.POSITIVE_INFINITY, s.campaign() + "-noise-free");
      rows.addAll(loop(spark, w, ref, "noise-free", population, evaluator, initial, rounds).rows());
    }
    writeMetrics(spark, w, s.campaign(), rows);
    String table = table(rows);
    System.out.print(table);
    String summary = summaryJson(s, rounds, rows, Timing.seconds(start));
    w.writeText(w.root() + "/summaries/" + s.campaign() + ".json", summary);
    System.out.println("outputs under " + w.root() + "; summary " + w.root() + "/summaries/" + s.campaign()
        + ".json");
  }

  static LoopResult loop(SparkSession spark, Warehouse w, CampaignSettings s, String variant,
      PrivatePopulation population, RoundEvaluator evaluator, List<Candidate> initial, int rounds) {
    List<RoundRow> rows = new ArrayList<>();
    List<Candidate> pool = initial;
    List<RankedCandidate> ranking = List.of();
    long devices = s.population().devices();
    CandidateTable.write(spark, w, s.campaign(), pool);
    for (int round = 1; round <= rounds; round++) {
      LOG.info("{} round {}/{}: {} candidates, {} devices", variant, round, rounds, pool.size(), devices);
      long t0 = System.nanoTime();
      OracleConfig config = s.oracleFor(pool.size(), devices);
      RoundConfigs.write(w, s.campaign(), round, config);
      long[] truth = RoundSimulation.run(spark, w, s.campaign(), round, pool, config, population, devices,
          s.population().messagesPerDevice(), s.seed());
      double simulate = Timing.seconds(t0);
      long t1 = System.nanoTime();
      RoundEstimation.Result estimated = RoundEstimation.run(spark, w, s.campaign(), round, config,
          s.maxRejectedShare());
      ranking = s.selection().rank(estimated.estimates());
      RankedTable.write(spark, w, s.campaign(), round, pool, ranking, estimated.accepted(), config);
      double estimate = Timing.seconds(t1);
      RoundMetrics m = evaluator.round(round, pool, ranking, truth);
      LOG.info("{} round {}: {}", variant, round, m.row().trim());
      long t2 = System.nanoTime();
      double refine = 0;
      if (round < rounds) {
        PoolRefiner.Result next = Refinements.refine(spark, w, s, pool, ranking, round + 1, List.of());
        pool = CandidateTable.published(next.pool());
        CandidateTable.write(spark, w, s.campaign(), pool);
        refine = Timing.seconds(t2);
      }
      rows.add(new RoundRow(variant, m, config, devices, simulate, estimate, refine));
      if (round == rounds) {
        return new LoopResult(rows, pool, ranking);
      }
    }
    throw new IllegalStateException("rounds must be >= 1");
  }

  static void writeCurated(SparkSession spark, Warehouse w, String campaign, List<Candidate> pool,
      List<RankedCandidate> ranking) {
    List<RankedCandidate> selected = ranking.stream().filter(RankedCandidate::selected).toList();
    double[] weights = CuratedWeights.of(selected);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < selected.size(); i++) {
      RankedCandidate r = selected.get(i);
      Candidate c = pool.get(r.index());
      Object[] a = CandidateTable.attributes(c.spec());
      List<Float> embedding = new ArrayList<>();
      for (float x : c.embedding()) {
        embedding.add(x);
      }
      rows.add(RowFactory.create(c.id(), c.text(), weights[i], r.estimate(), r.stdError(), c.round(), c.parentId(),
          c.generation(), a[0], a[1], a[2], a[3], a[4], a[5], embedding, campaign));
    }
    spark.createDataFrame(rows, CURATED_SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
        .partitionBy("campaign").parquet(w.table(Warehouse.CURATED));
    LOG.info("curated training table: {} candidates", rows.size());
  }

  static void writeMetrics(SparkSession spark, Warehouse w, String campaign, List<RoundRow> rows) {
    List<Row> out = new ArrayList<>();
    for (RoundRow r : rows) {
      RoundMetrics m = r.m();
      out.add(RowFactory.create(r.variant(), m.round(), r.config() == null ? null : r.config().kind().name(),
          r.config() == null ? null : r.config().epsilon(), r.devices(), m.poolSize(), m.selected(),
          m.totalVariation(), m.coverage(), m.poolCoverage(), nullIfNaN(m.topKRecall()), nullIfNaN(m.meanAbsZ()),
          nullIfNaN(m.intervalCoverage()), r.simulate(), r.estimate(), r.refine(), campaign));
    }
    spark.createDataFrame(out, METRICS_SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
        .partitionBy("campaign").parquet(w.table(Warehouse.METRICS));
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
