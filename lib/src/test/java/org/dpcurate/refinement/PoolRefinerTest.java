package org.dpcurate.refinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dpcurate.embedding.HashedNgramEmbedder;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.CandidateGenerator;
import org.dpcurate.synthesis.GeneratorPrior;
import org.junit.jupiter.api.Test;

class PoolRefinerTest {
  private static final int K = 40;

  private final CandidateGenerator generator =
      new CandidateGenerator(GeneratorPrior.defaults().distribution(), HashedNgramEmbedder.plain());
  private final List<Candidate> pool = generator.initialPool(K, 1, new SplittableRandom(5));

  /** A ranking of the pool in index order: the first {@code selected} selected, estimates as given. */
  private static List<RankedCandidate> ranking(double[] estimates, int selected) {
    List<RankedCandidate> rows = new ArrayList<>();
    for (int i = 0; i < estimates.length; i++) {
      double share = Math.max(estimates[i], 0) / 10_000;
      rows.add(new RankedCandidate(i, estimates[i], 50, estimates[i] - 98, estimates[i] + 98, share,
          i < selected ? 1e-6 : 0.3, i + 1, i < selected, i < selected));
    }
    return rows;
  }

  private PoolRefiner.Result refine(List<RankedCandidate> ranking) {
    return new PoolRefiner(RefinementConfig.defaults(K), new SlotMutation(generator), generator)
        .refine(pool, ranking, 2, new SplittableRandom(9));
  }

  private List<String> ids(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::id).toList();
  }

  @Test
  void selectedAndPositiveRunnersUpSurviveUpToAQuarterOfThePool() {
    double[] estimates = new double[K];
    for (int i = 0; i < K; i++) {
      estimates[i] = 1000 - 60.0 * i; // 3 selected, then runners-up down to 40 (i = 16), then negative
    }
    PoolRefiner.Result r = refine(ranking(estimates, 3));
    assertEquals(10, r.survivors(), "a quarter of 40");
    assertEquals(ids(pool.subList(0, 10)), ids(r.pool().subList(0, 10)), "selected first, then by estimate");
    assertEquals(K, r.pool().size());
  }

  @Test
  void aCandidateWithoutAPositiveEstimateNeverSurvives() {
    double[] estimates = new double[K];
    for (int i = 0; i < K; i++) {
      estimates[i] = i < 6 ? 900 - 100.0 * i : -10.0 * i;
    }
    PoolRefiner.Result r = refine(ranking(estimates, 2));
    assertEquals(6, r.survivors(), "2 selected and 4 runners-up with a positive estimate");
    List<String> next = ids(r.pool());
    for (int i = 6; i < K; i++) {
      assertTrue(!next.contains(pool.get(i).id()), "candidate " + i + " had estimate " + estimates[i]);
    }
  }

  @Test
  void variationsFollowThePowerOfTheShare() {
    List<RankedCandidate> winners = ranking(new double[] {6400, 1600, 400, 0, -30}, 3);
    for (double exponent : new double[] {1, 0.5, 0.25}) {
      int[] quota = PoolRefiner.allocate(winners, 137, exponent);
      double[] power = new double[winners.size()];
      double total = 0;
      for (int i = 0; i < power.length; i++) {
        power[i] = Math.pow(Math.max(winners.get(i).share(), 0), exponent);
        total += power[i];
      }
      int given = 0;
      for (int i = 0; i < quota.length; i++) {
        assertEquals(137 * power[i] / total, quota[i], 1.0, "exponent " + exponent + ", winner " + i);
        given += quota[i];
      }
      assertEquals(137, given, "every slot is given");
      assertEquals(0, quota[3] + quota[4], "no share, no variations");
    }
    int[] proportional = PoolRefiner.allocate(winners, 137, 1);
    int[] rooted = PoolRefiner.allocate(winners, 137, 0.5);
    assertTrue(rooted[0] < proportional[0] && rooted[2] > proportional[2], "below 1, the less popular gain");
  }

  @Test
  void flatVotesDrawTheShareTheSelectionLeavesUnexplainedUpToTheCap() {
    double[] concentrated = new double[K];
    double[] flat = new double[K];
    for (int i = 0; i < K; i++) {
      // 3 selected holding 60% (concentrated) or 30% (flat) of the votes; the rest spread over 37 runners-up.
      concentrated[i] = i < 3 ? 2000 : 4000.0 / (K - 3);
      flat[i] = i < 3 ? 1000 : 7000.0 / (K - 3);
    }
    RefinementConfig defaults = RefinementConfig.defaults(K);
    assertEquals(0.1, defaults.explorationShare(ranking(concentrated, 3)), 1e-12, "not flat: the configured share");
    assertEquals(0.5, defaults.explorationShare(ranking(flat, 3)), 1e-12, "70% unexplained, capped at half");
    RefinementConfig capped = withFlatVotesExploration(defaults, 0.6);
    assertEquals(0.6, capped.explorationShare(ranking(flat, 3)), 1e-12);
    assertEquals(0.1, withFlatVotesExploration(defaults, 0).explorationShare(ranking(flat, 3)), 1e-12,
        "a cap of 0 keeps the configured share");
    assertEquals(0.1, defaults.explorationShare(List.of()), 1e-12, "no ranking, nothing flat");

    PoolRefiner.Result kept = refine(ranking(concentrated, 3));
    PoolRefiner.Result explored = refine(ranking(flat, 3));
    assertEquals(4, kept.explored(), "a tenth of 40");
    assertEquals(20, explored.explored(), "half of 40");
    assertEquals(K, explored.pool().size());
    assertEquals(K - explored.survivors() - 20, explored.variations(), "variations fill the rest");
  }

  private static RefinementConfig withFlatVotesExploration(RefinementConfig c, double cap) {
    return new RefinementConfig(c.poolSize(), c.maxSurvivorShare(), c.quotaExponent(), c.explorationShare(), cap,
        c.initialStrength(), c.strengthDecay(), c.minStrength(), c.duplicateSimilarity());
  }

  @Test
  void theExponentIsValidated() {
    for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new RefinementConfig(K, 0.25, bad, 0.1, 0.5, 0.3, 0.7, 0.1, 0.995));
      assertTrue(e.getMessage().contains("quotaExponent"), e.getMessage());
    }
  }
}
