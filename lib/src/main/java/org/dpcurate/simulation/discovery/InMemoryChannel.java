package org.dpcurate.simulation.discovery;

import org.dpcurate.discovery.CohortRound;
import org.dpcurate.discovery.RoundChannel;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.FrequencyEstimator;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleAggregator;

/** Simulates a round's cohort in process and aggregates its reports: for tests and small experiments. */
public final class InMemoryChannel implements RoundChannel {
  private final PromptPopulation population;
  private final long seed;

  public InMemoryChannel(PromptPopulation population, long seed) {
    this.population = population;
    this.seed = seed;
  }

  @Override
  public FrequencyEstimates collect(CohortRound round) {
    FrequencyOracle oracle = FrequencyOracle.of(round.oracle());
    OracleAggregator aggregator = oracle.newAggregator();
    for (long d = round.fromDevice(); d < round.toDevice(); d++) {
      aggregator.add(PromptDevices.report(population, seed, round, d, oracle).report());
    }
    return FrequencyEstimator.estimate(aggregator);
  }
}
