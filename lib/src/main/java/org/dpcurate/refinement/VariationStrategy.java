package org.dpcurate.refinement;

import java.util.random.RandomGenerator;
import org.dpcurate.synthesis.Candidate;

/** Makes a variation of a winning candidate for the next round. */
public interface VariationStrategy {
  /**
   * One variation of {@code parent} for round {@code round}, or null if this strategy cannot vary it.
   *
   * @param strength in (0, 1]: 1 is the largest step, shrinking over rounds
   */
  Candidate vary(Candidate parent, int round, double strength, RandomGenerator rng);
}
