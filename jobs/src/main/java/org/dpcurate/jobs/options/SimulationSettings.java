package org.dpcurate.jobs.options;

import org.dpcurate.client.RoundConfig;
import org.dpcurate.simulation.PopulationConfig;

/**
 * The simulated devices of a round: their population, their local eps, the oracle they report with (and the cap
 * on its attack gain, as in {@link PublishSettings}) and the fake devices among them ({@code fakeShare} of all
 * devices, attacking candidate {@code attackTarget}; null: the last candidate of the first round's published
 * order); {@code fakeAttested} (null: the rounds have no tokens) makes the rounds attested, with about that many
 * fakes holding a genuine token; {@code downloadBudget} (null: the whole pool) as in {@link PublishSettings}.
 */
public record SimulationSettings(PopulationConfig population, double epsilon, OracleChoice oracle, int reportBits,
    double maxAttackGain, Long downloadBudget, double fakeShare, Long fakeAttested, String attackTarget) {
  /** How the simulated rounds are published: for the population's device count, with {@code tokens} (or none). */
  public PublishSettings publishing(RoundConfig.Tokens tokens) {
    return new PublishSettings(epsilon, oracle, reportBits, maxAttackGain, population.devices(), downloadBudget,
        tokens);
  }

  /** Whether uploads carry tokens: the simulation of a device farm. */
  public boolean attested() {
    return fakeAttested != null;
  }

  /** The same devices with another eps and device count (simulation variants). */
  public SimulationSettings with(double eps, long devices) {
    return new SimulationSettings(population.withDevices(devices), eps, oracle, reportBits, maxAttackGain,
        downloadBudget, fakeShare, fakeAttested, attackTarget);
  }
}
