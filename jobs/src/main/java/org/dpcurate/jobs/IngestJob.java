package org.dpcurate.jobs;

import java.util.List;
import org.dpcurate.jobs.ingestion.Ingestion;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.Parsers;

/**
 * Turns the uploads landed for each date into its committed report partition (docs/protocol.md "Uploads",
 * docs/operations.md "Ingestion"); idempotent per landed batch.
 */
public final class IngestJob extends DatedJob {
  static final Option<String> LANDING = Option.optional("landing", "DIR", "where the upload service lands batches "
      + "(<landing>/campaign=<c>/ds=<date>/batch=<id>/*.jsonl)", "<warehouse>/landing", Parsers.text());

  public static void main(String[] args) {
    JobRunner.main(new IngestJob(), args);
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String summary() {
    return "validate the uploads landed for a date and commit them as its report partition";
  }

  @Override
  List<Option<?>> stepOptions() {
    return List.of(LANDING);
  }

  @Override
  Steps plan(Cli cli) {
    String landing = cli.get(LANDING);
    return (run, dates) -> {
      Ingestion ingestion = new Ingestion(run.warehouse(), run.campaign(),
          landing != null ? landing : run.warehouse().root() + "/landing");
      return ds -> {
        Ingestion.Result r = ingestion.ingest(ds);
        return r.unchanged() ? "ok: unchanged, the " + r.batches() + " landed batches were ingested before"
            : String.format("ok: %d batches, %d lines, %d reports, rejected %s", r.batches(), r.lines(),
                r.accepted(), r.rejected());
      };
    };
  }
}
