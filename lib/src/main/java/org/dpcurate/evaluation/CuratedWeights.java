package org.dpcurate.evaluation;

import java.util.List;
import org.dpcurate.selection.RankedCandidate;

/** Training weights of a curated set: shares renormalized over the selected candidates. */
public final class CuratedWeights {
  private CuratedWeights() {}

  public static double[] of(List<RankedCandidate> selected) {
    double[] w = new double[selected.size()];
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.max(selected.get(i).share(), 0);
      total += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = total > 0 ? w[i] / total : 1.0 / w.length;
    }
    return w;
  }
}
