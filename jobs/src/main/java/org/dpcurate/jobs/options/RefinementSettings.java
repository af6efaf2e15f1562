package org.dpcurate.jobs.options;

import org.dpcurate.refinement.RefinementConfig;
import org.dpcurate.synthesis.GeneratorPrior;

/**
 * How a ranking becomes the next date's pool: its size, the variation strategy, and the generator prior that
 * explores fresh candidates.
 */
public record RefinementSettings(int candidates, Variation variation, GeneratorPrior prior) {

  /** Refinement's rules for a pool of {@code candidates}: the defaults (docs/architecture.md "One round"). */
  public RefinementConfig config() {
    return RefinementConfig.defaults(candidates);
  }
}
