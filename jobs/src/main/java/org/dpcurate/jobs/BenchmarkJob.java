package org.dpcurate.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.Weights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end estimation benchmark (docs/benchmarks.md): generates n reports per oracle over K candidates
 * (Zipf-distributed votes, cached in the warehouse), then times, in the same session, a plain Spark scan that
 * touches every payload column (the baseline) and the full estimate step (validation, duplicate check,
 * aggregation, ranking, commits).
 */
public final class BenchmarkJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(BenchmarkJob.class);
  private static final LocalDate DS = LocalDate.of(2026, 1, 1);

  public static void main(String[] args) {
    JobRunner.main(new BenchmarkJob(), args);
  }

  @Override
  public String name() {
    return "benchmark";
  }

  @Override
  public String summary() {
    return "time estimate against a plain scan of the same reports, per oracle and report count";
  }

  @Override
  public void define(Cli cli) {
    cli.option("warehouse", "DIR", "where generated reports are cached (default out/bench)")
        .option("oracles", "LIST", "comma-separated oracles (default GRR,FLH,CMS,HCMS)")
        .option("reports", "LIST", "comma-separated report counts (default 1000000,10000000)")
        .option("candidates", "K", "candidate domain size (default 10000)")
        .option("epsilon", "EPS", "local budget (default 2)")
        .option("repeat", "R", "timed repetitions; the fastest counts (default 2)")
        .option("seed", "N", "seed (default 1)")
        .flag("skip-duplicate-check", "time estimate without the duplicate report_id check");
  }

  @Override
  public void run(Cli cli) {
    String root = cli.string("warehouse", "out/bench");
    List<OracleKind> oracles = new ArrayList<>();
    for (String o : cli.string("oracles", "GRR,FLH,CMS,HCMS").split(",")) {
      oracles.add(Cli.validated("oracles", () -> OracleKind.parse(o)));
    }
    List<Long> counts = new ArrayList<>();
    for (String n : cli.string("reports", "1000000,10000000").split(",")) {
      try {
        counts.add(Long.parseLong(n.trim().replace("_", "")));
      } catch (NumberFormatException e) {
        throw JobException.usage("--reports must be integers, got: " + n);
      }
    }
    int k = cli.intValue("candidates", 10_000, 2, OracleConfig.MAX_DOMAIN_SIZE);
    double eps = cli.doubleValue("epsilon", 2, 1e-3, 12);
    int repeat = cli.intValue("repeat", 2, 1, 20);
    long seed = cli.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    SparkSession spark = Sessions.getOrCreate("dpcurate-benchmark");
    Warehouse w = new Warehouse(root, spark);
    int cores = spark.sparkContext().defaultParallelism();
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-5s %12s %7s %9s %9s %10s %6s %14s %10s", "oracle", "reports", "K", "gen_s", "scan_s",
        "estimate_s", "ratio", "reports/s/core", "peak_heap"));
    for (long n : counts) {
      for (OracleKind kind : oracles) {
        String campaign = "bench-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n + "-k" + k;
        CampaignSettings s = settings(root, campaign, eps, k, kind, cli.has("skip-duplicate-check"));
        double gen = ensureReports(spark, w, s, kind, n, k, eps, seed);
        double scan = Double.MAX_VALUE;
        double estimate = Double.MAX_VALUE;
        long peak = 0;
        for (int r = 0; r < repeat; r++) {
          scan = Math.min(scan, time(() -> scan(spark, w, campaign)));
          resetPeaks();
          estimate = Math.min(estimate, time(() -> RoundSteps.estimate(spark, w, s, DS)));
          peak = Math.max(peak, peakHeap());
        }
        String line = String.format(Locale.ROOT, "%-5s %12d %7d %9.1f %9.2f %10.2f %6.2f %14.0f %8dMB", kind, n, k,
            gen, scan, estimate, estimate / scan, n / estimate / cores, peak >> 20);
        LOG.info(line);
        lines.add(line);
      }
    }
    System.out.println(String.join("\n", lines));
    System.out.println("cores: " + cores + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + "MB");
  }

  private static CampaignSettings settings(String root, String campaign, double eps, int k, OracleKind kind,
      boolean skipDuplicateCheck) {
    Cli cli = new Cli("benchmark", "");
    CampaignSettings.addOptions(cli);
    List<String> args = new ArrayList<>(List.of("--warehouse", root, "--campaign", campaign, "--epsilon",
        Double.toString(eps), "--candidates", Integer.toString(k), "--oracle", kind.name(), "--budget", "inf",
        "--decoding", "plain"));
    if (skipDuplicateCheck) {
      args.add("--skip-duplicate-check");
    }
    cli.parse(args.toArray(String[]::new));
    return CampaignSettings.from(cli);
  }

  /**
   * Generates (once) K candidates, the published config and n reports; returns seconds spent (0 if cached). A cache
   * whose config this version refuses (an older protocol) is generated again.
   */
  private static double ensureReports(SparkSession spark, Warehouse w, CampaignSettings s, OracleKind kind, long n,
      int k, double eps, long seed) {
    if (w.isCommitted(w.partition(Warehouse.REPORTS, s.campaign(), DS))) {
      try {
        RoundConfigs.read(w, s.campaign(), DS);
        return 0;
      } catch (JobException e) {
        LOG.info("cached reports of {} are not readable by this version ({}); generating them again", s.campaign(),
            e.getMessage());
      }
    }
    long start = System.nanoTime();
    List<Candidate> pool = new ArrayList<>(k);
    var embedder = s.embedder();
    for (int i = 0; i < k; i++) {
      String text = "benchmark candidate " + i;
      pool.add(new Candidate(Candidate.idOf(text), 1, null, 0, text, null, embedder.embed(text)));
    }
    CandidateTable.write(spark, w, s.campaign(), DS, pool,
        new Manifest(Warehouse.CANDIDATES, s.campaign(), DS.toString(), 1, w.runId(), "ok"));
    OracleConfig config = kind == OracleKind.FLH || kind == OracleKind.OLH ? s.oracleFor(k, n)
        : OracleConfig.withDefaults(kind, eps, k);
    RoundConfigs.Published published = RoundConfigs.write(w, s.campaign(), DS, 1, config);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<FrequencyOracle> oracle = jsc.broadcast(FrequencyOracle.of(config));
    int[] identity = new int[k];
    for (int i = 0; i < k; i++) {
      identity[i] = i;
    }
    Broadcast<Weights> zipf = jsc.broadcast(Weights.zipf(identity, 1.1));
    MapPartitionsFunction<Long, Row> devices = ids -> DeviceIds.map(ids, id -> {
      SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id * 0xC2B2AE3D27D4EB4FL);
      var report = oracle.value().randomize(zipf.value().draw(rng), rng);
      return ReportTable.toRow(ReportTable.reportId(rng.nextLong(), rng.nextLong()), report, eps);
    });
    int partitions = (int) Math.max(2, n / 2_000_000);
    Dataset<Row> reports = spark.range(0, n, 1, partitions).mapPartitions(devices, Encoders.row(ReportTable.SCHEMA));
    w.commit(reports, Warehouse.REPORTS, s.campaign(), DS,
        new Manifest(Warehouse.REPORTS, s.campaign(), DS.toString(), 1, w.runId(), "ok")
            .set("config_hash", published.hash()).set("benchmark", true));
    return Timing.seconds(start);
  }

  /** The baseline: read every payload column once (count and sums), nothing else. */
  private static void scan(SparkSession spark, Warehouse w, String campaign) {
    spark.read().parquet(w.partition(Warehouse.REPORTS, campaign, DS))
        .agg(functions.count("*"), functions.sum("hash_index"), functions.sum("seed"), functions.sum("value"),
            functions.sum("sign"), functions.sum(functions.length(functions.col("bits"))),
            functions.sum(functions.length(functions.col("report_id"))), functions.sum("epsilon"),
            functions.count("oracle"))
        .collectAsList();
  }

  private static double time(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return Timing.seconds(start);
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
