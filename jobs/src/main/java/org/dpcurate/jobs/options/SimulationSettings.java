package org.dpcurate.jobs.options;

import org.dpcurate.simulation.PopulationConfig;

/**
 * The simulated devices of a round: their population, their local eps, the oracle they report with and the fake
 * devices among them ({@code fakeShare} of all devices, attacking candidate {@code attackTarget}; null: the last
 * candidate of the first round's published order); {@code downloadBudget} (null: the whole pool) as in
 * {@link PublishSettings}.
 */
public record SimulationSettings(PopulationConfig population, double epsilon, OracleChoice oracle, int reportBits,
    Long downloadBudget, double fakeShare, String attackTarget) {
  /** How the simulated rounds are published: for the population's device count. */
  public PublishSettings publishing() {
    return new PublishSettings(epsilon, oracle, reportBits, population.devices(), downloadBudget, null);
  }

  /** The same devices with another eps and device count (simulation variants). */
  public SimulationSettings with(double eps, long devices) {
    return new SimulationSettings(population.withDevices(devices), eps, oracle, reportBits, downloadBudget, fakeShare,
        attackTarget);
  }
}
