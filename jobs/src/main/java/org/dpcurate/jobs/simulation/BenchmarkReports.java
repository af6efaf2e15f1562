package org.dpcurate.jobs.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dpcurate.hash.Seeds;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.PublishedConfigs;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.Weights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The estimation benchmark's input (docs/benchmarks.md): K candidates, the published config and n reports with
 * Zipf-distributed votes, generated once per campaign and cached in the warehouse.
 */
public final class BenchmarkReports {
  private static final Logger LOG = LoggerFactory.getLogger(BenchmarkReports.class);

  private BenchmarkReports() {}

  /**
   * Generates (once) date {@code ds}'s candidates, config and {@code n} reports under {@code config}; returns the
   * seconds spent (0 if cached). A cache whose config this version refuses (an older protocol) is generated again.
   */
  public static double ensure(CampaignRun run, LocalDate ds, OracleConfig config, long n) {
    Warehouse w = run.warehouse();
    String campaign = run.campaign();
    if (w.isCommitted(w.partition(ReportTable.NAME, campaign, ds))) {
      try {
        PublishedConfigs.read(w, campaign, ds);
        return 0;
      } catch (JobException e) {
        LOG.info("cached reports of {} are not readable by this version ({}); generating them again", campaign,
            e.getMessage());
      }
    }
    long start = System.nanoTime();
    int k = config.domainSize();
    List<Candidate> pool = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      String text = "benchmark candidate " + i;
      pool.add(new Candidate(Candidate.idOf(text), 1, null, 0, text, null, null));
    }
    pool = Candidate.embedMissing(pool, run.embedder());
    CandidateTable.write(w, campaign, ds, pool, run.embedder(), Manifest.ofRound(1));
    PublishedConfig published = PublishedConfigs.write(w, campaign, ds, 1, config);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(w.spark().sparkContext());
    Broadcast<FrequencyOracle> oracle = jsc.broadcast(FrequencyOracle.of(config));
    int[] identity = new int[k];
    for (int i = 0; i < k; i++) {
      identity[i] = i;
    }
    Broadcast<Weights> zipf = jsc.broadcast(Weights.zipf(identity, 1.1));
    long seed = run.seed();
    double eps = config.epsilon();
    Dataset<Row> reports = DeviceSimulation.rows(w.spark(), 0, n, ReportTable.SCHEMA, () -> {
      FrequencyOracle o = oracle.value();
      Weights votes = zipf.value();
      return id -> {
        SplittableRandom rng = new SplittableRandom(Seeds.device(seed, id, 0));
        var report = o.randomize(votes.draw(rng), rng);
        return DeviceSimulation.reportRow(rng.nextLong(), rng.nextLong(), report, eps);
      };
    });
    DeviceSimulation.commitReports(w, campaign, ds, published, reports, n, Manifest.ofRound(1)
        .set("benchmark", true));
    return Timing.seconds(start);
  }
}
