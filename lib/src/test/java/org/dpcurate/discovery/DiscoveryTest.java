package org.dpcurate.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.simulation.discovery.DiscoveryEvaluation;
import org.dpcurate.simulation.discovery.InMemoryChannel;
import org.dpcurate.simulation.discovery.PromptPopulation;
import org.dpcurate.simulation.discovery.PromptPopulationConfig;
import org.junit.jupiter.api.Test;

/** Both discovery methods at tiny scale, in process, against the simulation's exact truth. */
class DiscoveryTest {
  private static final long SEED = 5;
  private static final long DEVICES = 40_000;

  /** 60 words, 2-4 word strings, 6 heavy hitters holding 60% of the devices. */
  static PromptPopulationConfig planted() {
    return new PromptPopulationConfig(DEVICES, 60, 1.0, 2, 4, 6, 0.6, 0.5, 3);
  }

  static DiscoveryConfig config() {
    return new DiscoveryConfig(4.0, 1, 32, new double[0], new double[0], OracleKind.FLH, 0.05, 0, 4, 0.7, 64, 256,
        500, 0L);
  }

  static DiscoveryResult prefixTree(PromptPopulation population, DiscoveryConfig config) {
    return PrefixTreeDiscovery.run(population.vocabulary(), population.config().maxWords(), DEVICES, config,
        new InMemoryChannel(population, SEED));
  }

  static DiscoveryResult fragmentPuzzle(PromptPopulation population, DiscoveryConfig config) {
    return FragmentPuzzleDiscovery.run(population.vocabulary(), population.config().maxWords(), DEVICES, config,
        new InMemoryChannel(population, SEED));
  }

  static Set<String> texts(DiscoveryResult r) {
    Set<String> out = new HashSet<>();
    r.discovered().forEach(d -> out.add(d.text()));
    return out;
  }

  @Test
  void prefixTreeRecoversEveryPlantedHeavyHitterAndNothingThatNobodyHolds() {
    PromptPopulation population = new PromptPopulation(planted());
    Map<String, Long> truth = population.trueCounts(DEVICES, SEED);
    DiscoveryResult r = prefixTree(population, config());
    assertTrue(texts(r).containsAll(population.heavyHitterTexts()), texts(r) + " lacks some of "
        + population.heavyHitterTexts());
    DiscoveryEvaluation e = DiscoveryEvaluation.of(r.discovered(), truth, DEVICES, 0.02);
    assertEquals(0, e.falseDiscoveries(), e.summary());
    assertEquals(1.0, e.recall(), e.summary());
  }

  /**
   * Over four hash families: every popular string found each time, and the mean share of outputs that nobody holds
   * at most twice the nominal FDR (Benjamini-Hochberg bounds its expectation by 0.05; a single run may exceed it).
   */
  @Test
  void fragmentPuzzleRecoversTheMostPopularHeavyHitters() {
    PromptPopulation population = new PromptPopulation(planted());
    Map<String, Long> truth = population.trueCounts(DEVICES, SEED);
    double falseShares = 0;
    int families = 4;
    for (long salt = 0; salt < families; salt++) {
      DiscoveryResult r = fragmentPuzzle(population, config().withHashSalt(salt));
      DiscoveryEvaluation e = DiscoveryEvaluation.of(r.discovered(), truth, DEVICES, 0.08);
      assertTrue(e.popular() >= 2, e.summary());
      assertEquals(1.0, e.recall(), e.summary());
      falseShares += e.falseDiscoveryShare();
      assertEquals(List.of("fragments", "scoring"), r.rounds().stream().map(RoundSummary::stage).toList());
    }
    assertTrue(falseShares / families <= 2 * config().fdr(), "mean false-discovery share " + falseShares / families);
  }

  /** Estimates of discovered strings are unbiased for their cohort's true count: each within 4.5 SE. */
  @Test
  void discoveredSharesAgreeWithTheTruthWithinTheirErrors() {
    PromptPopulation population = new PromptPopulation(planted());
    DiscoveryResult r = prefixTree(population, config());
    for (DiscoveredString d : r.discovered()) {
      RoundSummary round = r.rounds().get(d.round() - 1);
      long truth = 0;
      for (long dev = round.fromDevice(); dev < round.toDevice(); dev++) {
        truth += population.vocabulary().text(population.promptOf(dev, SEED)).equals(d.text()) ? 1 : 0;
      }
      assertTrue(Math.abs(d.estimate() - truth) <= 4.5 * d.stdError(),
          d + " vs true cohort count " + truth);
      assertEquals(d.share() * DEVICES, d.populationEstimate(), 1e-6);
    }
  }

  @Test
  void populationWithoutPopularStringsGivesNoOutput() {
    PromptPopulationConfig none = new PromptPopulationConfig(DEVICES, 60, 0.0, 3, 4, 0, 0, 0, 3);
    PromptPopulation population = new PromptPopulation(none);
    DiscoveryResult prefix = prefixTree(population, config());
    assertEquals(List.of(), prefix.discovered());
    assertTrue(prefix.rounds().get(0).selected() > 0, "single words (share 1/60) are significant prefixes");
    assertEquals(List.of(), fragmentPuzzle(population, config()).discovered());
  }

  /** Only significant prefixes are extended, at most maxPrefixes of them, the most popular first. */
  @Test
  void roundsExtendOnlyTheSignificantPrefixesUpToTheCap() {
    PromptPopulation population = new PromptPopulation(planted());
    int cap = 2;
    DiscoveryResult r = prefixTree(population, config().withMaxPrefixes(cap));
    int tokens = population.vocabulary().tokens();
    for (int i = 0; i + 1 < r.rounds().size(); i++) {
      RoundSummary now = r.rounds().get(i);
      RoundSummary next = r.rounds().get(i + 1);
      assertTrue(now.extended() <= cap);
      // A word or the end marker; at the maximum length only the end marker.
      int perPrefix = next.round() == population.config().maxWords() + 1 ? 1 : tokens;
      assertEquals(now.extended() * perPrefix, next.candidates(), "round " + next.round() + " lists the extensions");
    }
    assertTrue(r.rounds().stream().anyMatch(s -> s.prunedByCap() > 0), "the cap must bite here");
    List<RoundCandidate> round1 = r.candidates().stream().filter(c -> c.round() == 1).toList();
    for (RoundCandidate c : round1) {
      assertEquals(c.selected() ? Set.of("extended", "pruned_cap") : Set.of("pruned"),
          c.selected() ? Set.of("extended", "pruned_cap") : Set.of(c.status()));
    }
    List<RoundCandidate> extended = round1.stream().filter(c -> c.status().equals("extended")).toList();
    double lowestExtended = extended.stream().mapToDouble(RoundCandidate::estimate).min().orElseThrow();
    assertTrue(round1.stream().filter(c -> c.status().equals("pruned_cap"))
        .allMatch(c -> c.estimate() <= lowestExtended), "the cap keeps the most popular prefixes");
  }

  @Test
  void twoWordSegmentsHalveTheRoundsAndFindTheSameHeavyHitters() {
    PromptPopulationConfig small = new PromptPopulationConfig(DEVICES, 12, 1.0, 2, 4, 4, 0.6, 0.5, 3);
    PromptPopulation population = new PromptPopulation(small);
    DiscoveryConfig two = new DiscoveryConfig(4.0, 2, 32, new double[0], new double[0], OracleKind.FLH, 0.05, 0, 4,
        0.7, 64, 256, 500, 0L);
    DiscoveryResult r = prefixTree(population, two);
    assertEquals(3, r.rounds().size(), "5 tokens in segments of 2");
    assertTrue(texts(r).containsAll(population.heavyHitterTexts()), texts(r).toString());
  }

  @Test
  void sameSeedGivesIdenticalResults() {
    PromptPopulation population = new PromptPopulation(planted());
    DiscoveryResult a = prefixTree(population, config());
    DiscoveryResult b = prefixTree(population, config());
    assertEquals(a.discovered(), b.discovered());
    assertEquals(a.candidates(), b.candidates());
  }

  @Test
  void extensionsAreClosedUnderTheEndMarker() {
    int end = 3;
    List<int[]> first = PrefixTreeDiscovery.extensions(List.of(new int[0]), 1, 3, end);
    assertEquals(3, first.size(), "no empty string");
    List<int[]> second = PrefixTreeDiscovery.extensions(List.of(new int[] {0}), 2, 3, end);
    assertEquals(4, second.size());
    List<int[]> last = PrefixTreeDiscovery.extensions(List.of(new int[] {0, 1}), 3, 3, end);
    assertEquals(1, last.size(), "at the maximum length only the end marker");
    assertArrayEquals(new int[] {0, 1, end}, last.get(0));
    List<int[]> two = PrefixTreeDiscovery.extensions(List.of(new int[] {0}), 3, 3, end);
    assertEquals(1 + 3, two.size(), "[0 END END] and [0 w END]");
  }

  @Test
  void fragmentJoinsKeepOnlyEndClosedStrings() {
    int end = 9;
    List<java.util.TreeSet<Integer>> pieces = List.of(new java.util.TreeSet<>(List.of(1, end)),
        new java.util.TreeSet<>(List.of(2, end)), new java.util.TreeSet<>(List.of(end)));
    List<int[]> out = new java.util.ArrayList<>();
    assertTrue(FragmentPuzzleDiscovery.join(pieces, new int[4], 0, end, 100, out));
    assertEquals(2, out.size(), "1 END END and 1 2 END");
    assertArrayEquals(new int[] {1, 2, end, end}, out.get(0));
    assertArrayEquals(new int[] {1, end, end, end}, out.get(1));
  }
}
