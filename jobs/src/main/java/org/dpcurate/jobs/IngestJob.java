package org.dpcurate.jobs;

import java.util.List;
import org.dpcurate.jobs.ingestion.Ingestion;
import org.dpcurate.jobs.ingestion.UploadFormat;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
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
    return List.of(LANDING, CommonOptions.MAX_REJECTED_SHARE);
  }

  @Override
  Steps plan(Cli cli) {
    String landing = cli.get(LANDING);
    return (run, dates) -> {
      Ingestion ingestion = new Ingestion(run.warehouse(), run.campaign(),
          landing != null ? landing : run.warehouse().root() + "/landing", cli.get(CommonOptions.MAX_REJECTED_SHARE),
          UploadFormat.JSON_LINES);
      return ds -> {
        Ingestion.Result r = ingestion.ingest(ds);
        return r.unchanged() ? "ok: unchanged, the " + r.batches() + " landed batches were ingested before"
            : String.format("ok: %d batches, %d lines, %d reports, %d identical copies dropped, rejected %s%s",
                r.batches(), r.lines(), r.accepted(), r.duplicatesDropped(), r.rejected(), r.rankingWithdrawn()
                    ? "; the date's ranking was withdrawn: estimate it again" : "");
      };
    };
  }
}
