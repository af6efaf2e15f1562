package org.dpcurate.jobs;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.synthesis.Candidate;

/** Publishes a round's oracle config and simulates its devices' reports (plus the separate truth table). */
public final class SimulateJob implements Job {
  public static void main(String[] args) {
    JobRunner.main(new SimulateJob(), args);
  }

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public String summary() {
    return "simulate devices voting on a round's candidates: reports (and truth) in Parquet";
  }

  @Override
  public void define(Cli cli) {
    CampaignSettings.addOptions(cli);
    cli.required("round", "R", "round to simulate (its candidates must exist)");
  }

  @Override
  public void run(Cli cli) {
    CampaignSettings s = CampaignSettings.from(cli);
    int round = cli.intValue("round", 1, 1, 1_000_000);
    SparkSession spark = Sessions.getOrCreate("dpcurate-simulate");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    List<Candidate> pool = CandidateTable.read(spark, w, s.campaign(), round, s.embedder());
    OracleConfig config = s.oracleFor(pool.size(), s.population().devices());
    RoundConfigs.write(w, s.campaign(), round, config);
    long[] truth = RoundSimulation.run(spark, w, s.campaign(), round, pool, config, s.privatePopulation(),
        s.population().devices(), s.population().messagesPerDevice(), s.seed());
    System.out.println("simulated " + java.util.Arrays.stream(truth).sum() + " devices for campaign "
        + s.campaign() + " round " + round + " with " + config.kind() + " eps=" + config.epsilon());
  }
}
