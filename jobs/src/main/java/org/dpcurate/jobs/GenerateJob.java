package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.synthesis.Candidate;

/** Commits a date's initial candidate pool: drawn from the generator prior, or imported from Parquet. */
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
    return "commit a date's initial candidate pool (drawn from the generator prior, or --import PATH)";
  }

  @Override
  public void define(Cli cli) {
    CampaignSettings.addOptions(cli);
    cli.required("ds", "YYYY-MM-DD", "the date whose round the pool is for");
    cli.option("round", "R", "round number of that date (default 1)");
    cli.option("import", "PATH", "Parquet of candidates to import instead (text, optional candidate_id, slots, "
        + "embedding from an external model)");
  }

  @Override
  public void run(Cli cli) {
    CampaignSettings s = CampaignSettings.from(cli);
    LocalDate ds = Dates.parse("ds", cli.string("ds"));
    int round = cli.intValue("round", 1, 1, 1_000_000);
    SparkSession spark = Sessions.getOrCreate("dpcurate-generate");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    List<Candidate> pool = cli.has("import")
        ? CandidateTable.fromParquet(spark, cli.string("import"), s.embedder(), round)
        : s.generator().initialPool(s.candidates(), round, s.random("generate", round));
    Manifest m = new Manifest(Warehouse.CANDIDATES, s.campaign(), ds.toString(), round, w.runId(), "ok")
        .set("source", cli.has("import") ? cli.string("import") : "generator prior, seed " + s.seed());
    try {
      CandidateTable.write(spark, w, s.campaign(), ds, pool, m);
    } catch (IllegalArgumentException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot publish the pool: " + e.getMessage(), e);
    }
    System.out.println("generate " + ds + " ok: " + pool.size() + " candidates for campaign " + s.campaign()
        + " round " + round);
  }
}
