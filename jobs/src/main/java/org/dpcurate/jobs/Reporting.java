package org.dpcurate.jobs;

import java.util.List;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;

/** Console tables. */
public final class Reporting {
  private Reporting() {}

  public static String topTable(List<Candidate> pool, List<RankedCandidate> ranking, int limit) {
    StringBuilder out = new StringBuilder(String.format("%4s %10s %9s %21s %7s %3s  %s%n", "rank", "estimate",
        "std_err", "95% interval", "share", "sel", "text"));
    for (RankedCandidate r : ranking.subList(0, Math.min(limit, ranking.size()))) {
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
