package org.dpcurate.simulation.discovery;

import java.util.SplittableRandom;
import org.dpcurate.discovery.CohortRound;
import org.dpcurate.hash.Seeds;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.Report;

/** The simulated device of a discovery round, shared by every channel so that they produce identical reports. */
public final class PromptDevices {
  private PromptDevices() {}

  /** One device's report and its random 128-bit report id. */
  public record DeviceReport(long reportIdHigh, long reportIdLow, Report report) {}

  public static DeviceReport report(PromptPopulation population, long seed, CohortRound round, long device,
      FrequencyOracle oracle) {
    SplittableRandom rng = Seeds.device(seed, round.round(), device);
    int value = round.encoder().valueOf(population.promptOf(device, seed), rng);
    Report r = value < 0 ? oracle.randomizeAbsent(rng) : oracle.randomize(value, rng);
    return new DeviceReport(rng.nextLong(), rng.nextLong(), r);
  }
}
