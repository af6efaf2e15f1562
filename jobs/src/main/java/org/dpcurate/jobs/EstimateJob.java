package org.dpcurate.jobs;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;

/** Estimates a round from its reports and writes the ranked table. */
public final class EstimateJob implements Job {
  public static void main(String[] args) {
    JobRunner.main(new EstimateJob(), args);
  }

  @Override
  public String name() {
    return "estimate";
  }

  @Override
  public String summary() {
    return "aggregate a round's reports on the executors; write the ranked table with error bars";
  }

  @Override
  public void define(Cli cli) {
    CampaignSettings.addOptions(cli);
    cli.required("round", "R", "round to estimate (its config, candidates and reports must exist)");
  }

  @Override
  public void run(Cli cli) {
    CampaignSettings s = CampaignSettings.from(cli);
    int round = cli.intValue("round", 1, 1, 1_000_000);
    SparkSession spark = Sessions.getOrCreate("dpcurate-estimate");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    OracleConfig config = RoundConfigs.read(w, s.campaign(), round);
    List<Candidate> pool = CandidateTable.read(spark, w, s.campaign(), round, s.embedder());
    if (pool.size() != config.domainSize()) {
      throw new JobException(ExitCode.MISSING_INPUT, "round " + round + " publishes K=" + config.domainSize()
          + " but its candidates table holds " + pool.size());
    }
    RoundEstimation.Result result = RoundEstimation.run(spark, w, s.campaign(), round, config,
        s.maxRejectedShare());
    List<RankedCandidate> ranking = s.selection().rank(result.estimates());
    RankedTable.write(spark, w, s.campaign(), round, pool, ranking, result.accepted(), config);
    System.out.println(Reporting.topTable(pool, ranking, 20));
  }
}
