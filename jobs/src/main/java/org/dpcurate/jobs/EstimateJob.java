package org.dpcurate.jobs;

import java.util.List;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.EstimationSettings;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.pipeline.EstimateStep;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;

/** Estimates each date from its reports and commits the ranked, quarantine and ledger partitions. */
public final class EstimateJob extends DatedJob {
  private static final int SHOWN = 20;

  public static void main(String[] args) {
    JobRunner.main(new EstimateJob(), args);
  }

  @Override
  public String name() {
    return "estimate";
  }

  @Override
  public String summary() {
    return "validate and aggregate a date's reports on the executors; commit the ranked table with error bars";
  }

  @Override
  List<Option<?>> stepOptions() {
    return CurationOptions.ESTIMATION;
  }

  @Override
  Steps plan(Cli cli) {
    EstimationSettings settings = CurationOptions.estimation(cli);
    return (run, dates) -> {
      EstimateStep estimate = new EstimateStep(run, settings);
      return ds -> {
        EstimateStep.Estimated e = estimate.run(ds);
        if (dates.size() == 1 && !e.ranking().isEmpty()) {
          System.out.print(topTable(e.pool(), e.ranking()));
        }
        return e.summary();
      };
    };
  }

  /** The date's most popular candidates with their error bars. */
  static String topTable(List<Candidate> pool, List<RankedCandidate> ranking) {
    StringBuilder out = new StringBuilder(String.format("%4s %10s %9s %21s %7s %3s  %s%n", "rank", "estimate",
        "std_err", "95% interval", "share", "sel", "text"));
    for (RankedCandidate r : ranking.subList(0, Math.min(SHOWN, ranking.size()))) {
      String text = pool.get(r.index()).text();
      out.append(String.format("%4d %10.0f %9.0f [%9.0f,%9.0f] %7.4f %3s  %s%n", r.rank(), r.estimate(),
          r.stdError(), r.ciLow(), r.ciHigh(), r.share(), r.selected() ? "yes" : "no",
          text.length() > 70 ? text.substring(0, 67) + "..." : text));
    }
    long selected = ranking.stream().filter(RankedCandidate::selected).count();
    out.append(selected).append(" of ").append(ranking.size()).append(" candidates selected\n");
    return out.toString();
  }
}
