package org.dpcurate.jobs.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.refinement.RefinementConfig;
import org.dpcurate.synthesis.GeneratorPrior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** refine's, nightly's and curate's refinement options reach the refinement config, and bad values are refused. */
class RefinementOptionsTest {
  private static RefinementConfig config(String... args) {
    List<Option<?>> options = new ArrayList<>(CurationOptions.VARIATION_OPTIONS);
    options.add(CurationOptions.CANDIDATES);
    Cli cli = new Cli("refine", "test", options);
    cli.parse(args);
    return CurationOptions.refinement(cli, GeneratorPrior.defaults()).config();
  }

  @Test
  void theDefaultsAreRefinementsAndGivenValuesReachTheConfig() {
    RefinementConfig d = RefinementConfig.defaults(CurationOptions.CANDIDATES.defaultValue());
    assertEquals(d, config());
    RefinementConfig c = config("--exploration-share", "0.5", "--near-duplicate", "0.9", "--candidates", "300",
        "--flat-votes-exploration", "0");
    assertEquals(0.5, c.explorationShare());
    assertEquals(0, c.flatVotesExploration());
    assertEquals(0.9, c.duplicateSimilarity());
    assertEquals(300, c.poolSize());
    assertEquals(d.quotaExponent(), c.quotaExponent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.1", "0.95", "1", "half"})
  void anExplorationShareOutsideZeroToNineTenthsIsAUsageError(String share) {
    for (String option : List.of("exploration-share", "flat-votes-exploration")) {
      JobException e = assertThrows(JobException.class, () -> config("--" + option, share));
      assertTrue(e.getMessage().contains(option), e.getMessage());
    }
  }
}
