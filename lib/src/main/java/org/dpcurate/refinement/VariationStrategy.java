package org.dpcurate.refinement;

import java.util.List;
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

  /** Called once a round with the parents about to be varied, before any {@link #vary}. */
  default void prepare(List<Candidate> parents) {}

  /** Whether an embedded variation is kept (for example: within a radius of its parent). */
  default boolean keeps(Candidate parent, Candidate embeddedChild) {
    return true;
  }
}
