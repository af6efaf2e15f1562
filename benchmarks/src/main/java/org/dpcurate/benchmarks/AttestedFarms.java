package org.dpcurate.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.FrequencyEstimator;
import org.dpcurate.estimation.Normal;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.Report;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.selection.Selection;
import org.dpcurate.simulation.PoisoningAttack;
import org.dpcurate.synthesis.Weights;

/**
 * The smallest device farm that gets a target selected when uploads are attested (docs/security.md "Attested
 * uploads"): A fake devices, each with one genuine token a round, so each sends one report whose public randomness
 * (FLH hash index, HCMS row) its token fixes, and chooses the rest to support the target as much as it can (the
 * maximal-gain report given that randomness). The honest n - A devices follow Zipf(1.1) over the other K - 1
 * candidates. Per oracle: the documented prediction A* = z* SE_0 / G (G the oracle's gain, SE_0 the target's
 * standard error, z* the Benjamini-Hochberg cut for one more selection beyond the R0 honest ones), then a sweep of A
 * in 5% steps for the smallest A selected in at least half of the seeded trials.
 * Run: java -cp benchmarks/target/benchmarks.jar org.dpcurate.benchmarks.AttestedFarms [trials] [n] [K]
 */
public final class AttestedFarms {
  private AttestedFarms() {}

  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    double fdr = Selection.defaults().fdr();
    System.out.printf(Locale.ROOT, "n = %d reports, K = %d, eps = 2, FDR %.2f, %d trials a farm size%n", n, k, fdr,
        trials);
    System.out.println("oracle  gain  honest_selected  z*     A*_formula  A*_measured  measured/formula");
    for (OracleKind kind : List.of(OracleKind.FLH, OracleKind.HCMS, OracleKind.OLH)) {
      OracleConfig config = kind.defaultConfig(2, k, n, 0L);
      FrequencyOracle oracle = FrequencyOracle.of(config);
      double honestSelected = IntStream.range(0, trials).mapToDouble(t -> trial(oracle, n, 0, t)[1]).average()
          .orElseThrow();
      double zStar = Normal.upperTailInverse(fdr * (honestSelected + 1) / k);
      double gain = oracle.fakeReportGain();
      // The hashed oracles' variance has a collision term from the other candidates' counts (protocol.md).
      Weights honest = honest(k);
      double pairs = 0;
      for (int v = 0; v < k - 1; v++) {
        double f = n * honest.probability(v);
        pairs += f * (f - 1);
      }
      double predicted = zStar * Math.sqrt(oracle.variance(n, 0, pairs)) / gain;
      for (int i = 0; i < 3; i++) {
        // The target's own count adds to its variance: settle A* at its own standard error.
        predicted = zStar * Math.sqrt(oracle.variance(n, predicted * gain, pairs)) / gain;
      }
      int measured = -1;
      for (double a = 0.5 * predicted; a <= 2.5 * predicted; a *= 1.05) {
        int fakes = (int) Math.round(a);
        double share = IntStream.range(0, trials).parallel().mapToDouble(t -> trial(oracle, n, fakes, t)[0])
            .average().orElseThrow();
        if (share >= 0.5) {
          measured = fakes;
          break;
        }
      }
      System.out.printf(Locale.ROOT, "%-6s %5.2f  %15.1f  %5.2f  %10.0f  %11d  %16.2f%n", kind, gain,
          honestSelected, zStar, predicted, measured, measured / predicted);
    }
  }

  /** One trial: whether the target (K - 1) was selected, and how many honest candidates were. */
  static double[] trial(FrequencyOracle oracle, int n, int fakes, int t) {
    int k = oracle.domainSize();
    int target = k - 1;
    SplittableRandom rng = new SplittableRandom(7919L * t + 3);
    Weights honest = honest(k);
    OracleAggregator agg = oracle.newAggregator();
    for (int i = 0; i < n - fakes; i++) {
      agg.add(oracle.randomize(honest.draw(rng), rng.nextLong(), rng));
    }
    for (int i = 0; i < fakes; i++) {
      agg.add(PoisoningAttack.fakeReport(oracle, target, rng.nextLong(), rng));
    }
    FrequencyEstimates est = FrequencyEstimator.estimate(agg);
    List<RankedCandidate> ranking = Selection.defaults().rank(est);
    boolean selected = ranking.stream().anyMatch(r -> r.index() == target && r.selected());
    long honestSelected = ranking.stream().filter(r -> r.index() != target && r.selected()).count();
    return new double[] {selected ? 1 : 0, honestSelected};
  }

  /** The honest devices' candidates: Zipf(1.1) over all but the target. */
  static Weights honest(int k) {
    return Weights.zipf(IntStream.range(0, k - 1).toArray(), 1.1);
  }

}
