package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.List;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.Parsers;
import org.dpcurate.jobs.options.RunSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Sessions;
import org.dpcurate.jobs.tables.CandidateImport;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.GeneratorPrior;

/** Commits a date's initial candidate pool: drawn from the generator prior, or imported from Parquet. */
public final class GenerateJob implements Job {
  static final Option<Integer> ROUND = Option.of("round", "R", "round number of that date", 1,
      Parsers.intIn(1, 1_000_000));
  static final Option<String> IMPORT = Option.optional("import", "PATH", "Parquet of candidates to import instead "
      + "(text, optional candidate_id, slots, embedding from an external model)", "draw from the generator prior",
      Parsers.text());

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
  public List<Option<?>> options() {
    return List.of(CommonOptions.WAREHOUSE, CurationOptions.CAMPAIGN, CommonOptions.SEED, CommonOptions.EMBEDDER,
        CommonOptions.DS, ROUND, CurationOptions.CANDIDATES, CurationOptions.PRIOR_POPULATION, IMPORT);
  }

  @Override
  public void run(Cli cli) {
    RunSettings settings = RunSettings.from(cli, CurationOptions.CAMPAIGN);
    if (!cli.given(CommonOptions.DS)) {
      throw JobException.usage("--ds is required: the date whose round the pool is for");
    }
    LocalDate ds = cli.get(CommonOptions.DS);
    int round = cli.get(ROUND);
    int candidates = cli.get(CurationOptions.CANDIDATES);
    GeneratorPrior prior = CurationOptions.generatorPrior(cli);
    String importPath = cli.get(IMPORT);
    CampaignRun run = new CampaignRun(Sessions.getOrCreate("dpcurate-generate"), settings);
    List<Candidate> pool = importPath != null
        ? CandidateImport.read(run.warehouse(), importPath, run.embedder(), round)
        : run.generator(prior).initialPool(candidates, round, run.random("generate", round));
    Manifest m = Manifest.ofRound(round)
        .set("source", importPath != null ? importPath : "generator prior, seed " + run.seed());
    try {
      CandidateTable.write(run.warehouse(), run.campaign(), ds, pool, run.embedder(), m);
      run.flushEmbeddings();
    } catch (IllegalArgumentException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot publish the pool: " + e.getMessage(), e);
    }
    System.out.println("generate " + ds + " ok: " + pool.size() + " candidates for campaign " + run.campaign()
        + " round " + round);
  }
}
