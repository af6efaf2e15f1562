package org.dpcurate.discovery;

import java.util.SplittableRandom;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.Report;

/** The simulated device of a discovery round, shared by every channel so that they produce identical reports. */
public final class PromptDevices {
  private PromptDevices() {}

  /** One device's report and its random 128-bit report id. */
  public record DeviceReport(long reportIdHigh, long reportIdLow, Report report) {}

  public static DeviceReport report(PromptPopulation population, long seed, CohortRound round, long device,
      FrequencyOracle oracle) {
    SplittableRandom rng = new SplittableRandom(
        seed * 0x9E3779B97F4A7C15L + round.round() * 0xC2B2AE3D27D4EB4FL + device * 0x165667B19E3779F9L);
    int value = round.encoder().valueOf(population.promptOf(device, seed), rng);
    Report r = value < 0 ? oracle.randomizeAbsent(rng) : oracle.randomize(value, rng);
    return new DeviceReport(rng.nextLong(), rng.nextLong(), r);
  }
}
