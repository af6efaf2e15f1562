package org.dpcurate.discovery;

import org.dpcurate.estimation.FrequencyEstimates;

/**
 * How a discovery method gets a round's estimates: publish the round, let its cohort report, validate and
 * aggregate. {@code simulation.discovery.InMemoryChannel} does it in process; the Spark job writes and reads real
 * report tables.
 */
public interface RoundChannel {
  FrequencyEstimates collect(CohortRound round);

  /** Told when a round is done (progress logs). */
  default void completed(RoundSummary summary) {}
}
