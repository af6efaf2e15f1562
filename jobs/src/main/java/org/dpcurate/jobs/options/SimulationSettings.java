package org.dpcurate.jobs.options;

import org.dpcurate.simulation.PopulationConfig;

/** The simulated devices of a round: their population, their local eps and the oracle they report with. */
public record SimulationSettings(PopulationConfig population, double epsilon, OracleChoice oracle, int reportBits) {
  /** How the simulated rounds are published: for the population's device count. */
  public PublishSettings publishing() {
    return new PublishSettings(epsilon, oracle, reportBits, population.devices());
  }

  /** The same devices with another eps and device count (simulation variants). */
  public SimulationSettings with(double eps, long devices) {
    return new SimulationSettings(population.withDevices(devices), eps, oracle, reportBits);
  }
}
