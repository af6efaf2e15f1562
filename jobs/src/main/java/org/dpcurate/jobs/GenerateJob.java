package org.dpcurate.jobs;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.synthesis.Candidate;

/** Writes a round's initial candidate pool, drawn from the generator prior. */
public final class GenerateJob implements Job {
  public static void main(String[] args) {
    JobRunner.main(new GenerateJob(), args);
  }

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public String summary() {
    return "draw an initial pool of synthetic candidates for a round";
  }

  @Override
  public void define(Cli cli) {
    CampaignSettings.addOptions(cli);
    cli.option("round", "R", "round the pool is for (default 1)");
  }

  @Override
  public void run(Cli cli) {
    CampaignSettings s = CampaignSettings.from(cli);
    int round = cli.intValue("round", 1, 1, 1_000_000);
    List<Candidate> pool = s.generator().initialPool(s.candidates(), round, s.random("generate", round));
    SparkSession spark = Sessions.getOrCreate("dpcurate-generate");
    CandidateTable.write(spark, new Warehouse(s.warehouse(), spark), s.campaign(), pool);
    System.out.println("wrote " + pool.size() + " candidates for campaign " + s.campaign() + " round " + round);
  }
}
