package org.dpcurate.jobs;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.refinement.PoolRefiner;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;

/** Turns a round's ranking into the next round's candidate pool. */
public final class RefineJob implements Job {
  public static void main(String[] args) {
    JobRunner.main(new RefineJob(), args);
  }

  @Override
  public String name() {
    return "refine";
  }

  @Override
  public String summary() {
    return "survivors + variations in proportion to share: the next round's candidate pool";
  }

  @Override
  public void define(Cli cli) {
    CampaignSettings.addOptions(cli);
    cli.required("round", "R", "the ranked round; writes candidates of round R+1");
    cli.option("generated", "PATH", "Parquet of candidates an external generator wrote back (text, parent_id, "
        + "optional embedding) to add to the pool");
  }

  @Override
  public void run(Cli cli) {
    CampaignSettings s = CampaignSettings.from(cli);
    int round = cli.intValue("round", 1, 1, 1_000_000);
    SparkSession spark = Sessions.getOrCreate("dpcurate-refine");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    List<Candidate> pool = CandidateTable.read(spark, w, s.campaign(), round, s.embedder());
    List<RankedCandidate> ranking = RankedTable.read(spark, w, s.campaign(), round);
    if (ranking.size() != pool.size()) {
      throw new JobException(ExitCode.MISSING_INPUT, "ranked round " + round + " has " + ranking.size()
          + " rows but the round has " + pool.size() + " candidates");
    }
    List<Candidate> generated = cli.has("generated")
        ? Refinements.readGenerated(spark, cli.string("generated"), pool, round + 1, s.embedder())
        : List.of();
    PoolRefiner.Result next = Refinements.refine(spark, w, s, pool, ranking, round + 1, generated);
    CandidateTable.write(spark, w, s.campaign(), next.pool());
    System.out.println("wrote " + next.pool().size() + " candidates for campaign " + s.campaign() + " round "
        + (round + 1) + ": " + next.survivors() + " survivors, " + next.variations() + " variations, "
        + generated.size() + " generated, " + next.explored() + " explored");
  }
}
