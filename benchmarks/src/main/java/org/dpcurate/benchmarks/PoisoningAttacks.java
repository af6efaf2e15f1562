package org.dpcurate.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.FrequencyEstimator;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.selection.Selection;
import org.dpcurate.simulation.PoisoningAttack;
import org.dpcurate.synthesis.Weights;

/**
 * Fake devices against each oracle at eps = 2: a share beta of the n reports come from fake devices attacking one
 * target candidate that no honest device holds; the rest are honest devices over a Zipf(1.1) population of K - 1
 * candidates. Per oracle, strategy and beta, over seeded trials: the target's mean estimated share, how often the
 * default selection (Benjamini-Hochberg, 5% FDR) selects it, honest recall@20 and the honest candidates' 95%
 * interval coverage. No defence is applied: this is the attack's gain.
 * Run: java -cp benchmarks/target/benchmarks.jar org.dpcurate.benchmarks.PoisoningAttacks [trials] [n] [K]
 */
public final class PoisoningAttacks {
  private PoisoningAttacks() {}

  private static final int TOP = 20;

  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    System.out.printf(Locale.ROOT, "n = %d reports, K = %d, eps = 2, %d trials; target %d has no honest device%n",
        n, k, trials, k - 1);
    System.out.println("oracle strategy       beta    target_share  selected  recall@20  ci_cover");
    for (OracleKind kind : OracleKind.values()) {
      OracleConfig config = kind.defaultConfig(2, k, n, 0L);
      for (PoisoningAttack.Strategy strategy : PoisoningAttack.Strategy.values()) {
        for (double beta : new double[] {0, 0.001, 0.01, 0.05}) {
          if (beta == 0 && strategy == PoisoningAttack.Strategy.RANDOM_REPORT) {
            continue;
          }
          run(config, strategy, beta, n, trials);
        }
      }
    }
  }

  static void run(OracleConfig config, PoisoningAttack.Strategy strategy, double beta, int n, int trials) {
    int k = config.domainSize();
    int target = k - 1;
    Weights honest = Weights.zipf(IntStream.range(0, k - 1).toArray(), 1.1);
    FrequencyOracle oracle = FrequencyOracle.of(config);
    int fakes = (int) Math.round(beta * n);
    double[][] results = IntStream.range(0, trials).parallel().mapToObj(t -> {
      SplittableRandom rng = new SplittableRandom(1000L * t + 17);
      long[] truth = new long[k];
      OracleAggregator agg = oracle.newAggregator();
      for (int i = 0; i < n - fakes; i++) {
        int v = honest.draw(rng);
        truth[v]++;
        agg.add(oracle.randomize(v, rng));
      }
      for (int i = 0; i < fakes; i++) {
        agg.add(PoisoningAttack.fakeReport(oracle, strategy, target, rng));
      }
      FrequencyEstimates est = FrequencyEstimator.estimate(agg);
      List<RankedCandidate> ranking = Selection.defaults().rank(est);
      boolean selected = ranking.stream().anyMatch(r -> r.index() == target && r.selected());
      Integer[] byTruth = IntStream.range(0, k).boxed().toArray(Integer[]::new);
      Arrays.sort(byTruth, (a, b) -> truth[a] != truth[b] ? Long.compare(truth[b], truth[a]) : Integer.compare(a, b));
      java.util.Set<Integer> trueTop = new java.util.HashSet<>(Arrays.asList(byTruth).subList(0, TOP));
      long hits = ranking.stream().limit(TOP).filter(r -> trueTop.contains(r.index())).count();
      int covered = 0;
      for (RankedCandidate r : ranking) {
        if (r.index() != target && truth[r.index()] >= r.ciLow() && truth[r.index()] <= r.ciHigh()) {
          covered++;
        }
      }
      return new double[] {est.estimate(target) / n, selected ? 1 : 0, (double) hits / TOP,
          (double) covered / (k - 1)};
    }).toArray(double[][]::new);
    double[] mean = new double[4];
    for (double[] r : results) {
      for (int i = 0; i < 4; i++) {
        mean[i] += r[i] / trials;
      }
    }
    System.out.printf(Locale.ROOT, "%-6s %-14s %6.3f%%  %11.4f  %7.0f%%  %9.3f  %8.3f%n", config.kind(),
        beta == 0 ? "none" : strategy.name().toLowerCase(Locale.ROOT), beta * 100, mean[0], mean[1] * 100, mean[2],
        mean[3]);
  }
}
