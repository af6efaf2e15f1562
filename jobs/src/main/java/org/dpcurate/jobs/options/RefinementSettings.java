package org.dpcurate.jobs.options;

import org.dpcurate.refinement.RefinementConfig;
import org.dpcurate.synthesis.GeneratorPrior;

/**
 * How a ranking becomes the next date's pool: its size, the variation strategy, the generator prior that explores
 * fresh candidates, the cosine at which a variation is a near-duplicate of a pool member, the share of a pool drawn
 * fresh (and its cap under flat votes), and the language model of the llm variation ({@code llmModel} null unless
 * given).
 */
public record RefinementSettings(int candidates, Variation variation, GeneratorPrior prior, double nearDuplicate,
    double explorationShare, double flatVotesExploration, String llmModel, int llmMaxTokens, long llmTimeoutMillis) {

  /** Refinement's rules for a pool of {@code candidates}: the defaults (docs/architecture.md "One round"). */
  public RefinementConfig config() {
    RefinementConfig d = RefinementConfig.defaults(candidates);
    return new RefinementConfig(d.poolSize(), d.maxSurvivorShare(), d.quotaExponent(), explorationShare,
        flatVotesExploration, d.initialStrength(), d.strengthDecay(), d.minStrength(), nearDuplicate);
  }
}
