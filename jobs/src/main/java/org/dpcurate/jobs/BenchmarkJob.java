package org.dpcurate.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.estimation.Decoding;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.EmbedderChoice;
import org.dpcurate.jobs.options.EstimationSettings;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.Parser;
import org.dpcurate.jobs.options.Parsers;
import org.dpcurate.jobs.options.RunSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.pipeline.EstimateStep;
import org.dpcurate.jobs.runtime.Sessions;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.simulation.BenchmarkReports;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.selection.CuratedSet;
import org.dpcurate.selection.Selection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end estimation benchmark (docs/benchmarks.md): generates n reports per oracle over K candidates
 * (Zipf-distributed votes, cached in the warehouse), then times, in the same session, a plain Spark scan that
 * touches every payload column (the baseline) and the full estimate step (validation, duplicate check,
 * aggregation, ranking, commits).
 */
@SimulationJob
public final class BenchmarkJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(BenchmarkJob.class);
  private static final LocalDate DS = LocalDate.of(2026, 1, 1);

  static final Option<String> WAREHOUSE = Option.of("warehouse", "DIR", "where generated reports are cached",
      "out/bench", Parsers.text());
  static final Option<List<OracleKind>> ORACLES = Option.of("oracles", "LIST", "comma-separated oracles",
      List.of(OracleKind.GRR, OracleKind.FLH, OracleKind.CMS, OracleKind.HCMS),
      Parser.of(text -> Arrays.stream(text.split(",")).map(OracleKind::parse).toList(),
          kinds -> String.join(",", kinds.stream().map(OracleKind::name).toList())));
  static final Option<List<Long>> REPORTS = Option.of("reports", "LIST", "comma-separated report counts",
      List.of(1_000_000L, 10_000_000L), Parser.of(text -> Arrays.stream(text.split(","))
          .map(n -> Parsers.longIn(1, Long.MAX_VALUE).parse(n.trim())).toList(),
          counts -> String.join(",", counts.stream().map(String::valueOf).toList())));
  static final Option<Integer> CANDIDATES = Option.of("candidates", "K", "candidate domain size", 10_000,
      Parsers.intIn(2, OracleConfig.MAX_DOMAIN_SIZE));
  static final Option<Double> EPSILON = Option.of("epsilon", "EPS", "local budget", 2.0, Parsers.doubleIn(1e-3, 12));
  static final Option<Integer> REPEAT = Option.of("repeat", "R", "timed repetitions; the fastest counts", 2,
      Parsers.intIn(1, 20));

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
  public List<Option<?>> options() {
    return List.of(WAREHOUSE, ORACLES, REPORTS, CANDIDATES, EPSILON, REPEAT, CommonOptions.SEED,
        CommonOptions.SKIP_DUPLICATE_CHECK);
  }

  @Override
  public void run(Cli cli) {
    String root = cli.get(WAREHOUSE);
    int k = cli.get(CANDIDATES);
    double eps = cli.get(EPSILON);
    int repeat = cli.get(REPEAT);
    long seed = cli.get(CommonOptions.SEED);
    // Plain decoding and no budget: the benchmark times estimation, not the budget check or the solve.
    EstimationSettings estimation = new EstimationSettings(Selection.defaults(), 0.01, Decoding.PLAIN,
        !cli.get(CommonOptions.SKIP_DUPLICATE_CHECK), new Accounting(PrivacyPolicy.defaults().forFleet("bench")
            .withBudget(Double.POSITIVE_INFINITY), true, false, 1e-9, 60), CuratedSet.NEAR_DUPLICATE_SIMILARITY,
        CuratedSet.DEFAULT_FLAT_ROUNDS);
    SparkSession spark = Sessions.getOrCreate("dpcurate-benchmark");
    CampaignRun base = new CampaignRun(spark, new RunSettings(root, "bench", seed, EmbedderChoice.NGRAM));
    int cores = spark.sparkContext().defaultParallelism();
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-5s %12s %7s %9s %9s %10s %6s %14s %10s", "oracle", "reports", "K", "gen_s", "scan_s",
        "estimate_s", "ratio", "reports/s/core", "peak_heap"));
    for (long n : cli.get(REPORTS)) {
      for (OracleKind kind : cli.get(ORACLES)) {
        CampaignRun run = base.forCampaign("bench-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n + "-k" + k);
        OracleConfig config = kind.defaultConfig(eps, k, n, 0L);
        double gen = BenchmarkReports.ensure(run, DS, config, n);
        EstimateStep estimate = new EstimateStep(run, estimation);
        double scan = Double.MAX_VALUE;
        double estimated = Double.MAX_VALUE;
        long peak = 0;
        for (int r = 0; r < repeat; r++) {
          scan = Math.min(scan, time(() -> scan(run)));
          resetPeaks();
          estimated = Math.min(estimated, time(() -> estimate.run(DS)));
          peak = Math.max(peak, peakHeap());
        }
        String line = String.format(Locale.ROOT, "%-5s %12d %7d %9.1f %9.2f %10.2f %6.2f %14.0f %8dMB", kind, n, k,
            gen, scan, estimated, estimated / scan, n / estimated / cores, peak >> 20);
        LOG.info(line);
        lines.add(line);
      }
    }
    System.out.println(String.join("\n", lines));
    System.out.println("cores: " + cores + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + "MB");
  }

  /** The baseline: read every payload column once (count and sums), nothing else. */
  private static void scan(CampaignRun run) {
    run.warehouse().spark().read().parquet(run.warehouse().partition(ReportTable.NAME, run.campaign(), DS))
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
