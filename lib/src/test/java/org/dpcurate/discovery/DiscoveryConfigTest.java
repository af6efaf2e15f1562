package org.dpcurate.discovery;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.function.Supplier;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.simulation.discovery.InMemoryChannel;
import org.dpcurate.simulation.discovery.PromptPopulation;
import org.dpcurate.simulation.discovery.PromptPopulationConfig;
import org.junit.jupiter.api.Test;

/** Bad discovery settings fail at construction with a message naming the setting. */
class DiscoveryConfigTest {
  private static void fails(String needle, Supplier<?> build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
    assertTrue(e.getMessage().contains(needle), "'" + e.getMessage() + "' should mention " + needle);
  }

  private static DiscoveryConfig with(double eps, int segment, OracleKind oracle, double fdr, double[] shares,
      double[] roundEps, int hashBits, double fragmentShare) {
    return new DiscoveryConfig(eps, segment, 16, shares, roundEps, oracle, fdr, 0, hashBits, fragmentShare, 16, 64,
        100, 0L);
  }

  @Test
  void badSettingsAreRefused() {
    double[] none = new double[0];
    fails("epsilon", () -> with(0, 1, OracleKind.FLH, 0.05, none, none, 8, 0.5));
    fails("epsilon", () -> with(Double.POSITIVE_INFINITY, 1, OracleKind.FLH, 0.05, none, none, 8, 0.5));
    fails("segment", () -> with(4, 0, OracleKind.FLH, 0.05, none, none, 8, 0.5));
    fails("FLH, OLH, CMS or HCMS", () -> with(4, 1, OracleKind.GRR, 0.05, none, none, 8, 0.5));
    fails("fdr", () -> with(4, 1, OracleKind.FLH, 1.0, none, none, 8, 0.5));
    fails("cohort shares", () -> with(4, 1, OracleKind.FLH, 0.05, new double[] {1, -1}, none, 8, 0.5));
    fails("per-device budget", () -> with(4, 1, OracleKind.FLH, 0.05, none, new double[] {2, 5}, 8, 0.5));
    fails("hash bits", () -> with(4, 1, OracleKind.FLH, 0.05, none, none, 0, 0.5));
    fails("fragment share", () -> with(4, 1, OracleKind.FLH, 0.05, none, none, 8, 1.0));
  }

  @Test
  void listsMustMatchTheRounds() {
    DiscoveryConfig c = with(4, 1, OracleKind.FLH, 0.05, new double[] {1, 2}, new double[] {1, 2, 3}, 8, 0.5);
    fails("cohort shares given for 3 rounds", () -> c.sharesFor(3));
    fails("round eps values given for 2 rounds", () -> c.epsilonOf(1, 2));
  }

  @Test
  void fragmentDomainBeyondTheOracleLimitIsRefused() {
    PromptPopulation population = new PromptPopulation(
        new PromptPopulationConfig(100, 20_000, 1, 1, 8, 0, 0, 0, 1));
    DiscoveryConfig c = with(4, 1, OracleKind.FLH, 0.05, new double[0], new double[0], 12, 0.5);
    fails("fragment domain", () -> FragmentPuzzleDiscovery.run(population.vocabulary(), 8, 100, c,
        new InMemoryChannel(population, 1)));
  }

  @Test
  void badPopulationConfigsAreRefused() {
    Properties typo = new Properties();
    typo.setProperty("heavy.hiters", "3");
    fails("unknown prompt population config keys [heavy.hiters]", () -> PromptPopulationConfig.fromProperties(typo));
    Properties words = new Properties();
    words.setProperty("min.words", "5");
    words.setProperty("max.words", "3");
    fails("min.words", () -> PromptPopulationConfig.fromProperties(words));
    Properties share = new Properties();
    share.setProperty("heavy.share", "1.5");
    fails("heavy.share", () -> PromptPopulationConfig.fromProperties(share));
    Properties number = new Properties();
    number.setProperty("vocabulary.size", "many");
    fails("vocabulary.size must be an integer", () -> PromptPopulationConfig.fromProperties(number));
  }
}
