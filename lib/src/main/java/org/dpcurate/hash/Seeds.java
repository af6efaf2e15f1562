package org.dpcurate.hash;

import java.util.SplittableRandom;

/**
 * Every derived seed of a run, in one place. A run has one user-given seed; each random stage (a round's pool
 * generation, its refinement) and each simulated device draws from its own stream derived here, so results do not
 * depend on partitioning or on the order stages run in. The odd multipliers are the golden-ratio and xxhash/murmur
 * mixing constants, which keep nearby inputs apart.
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long MIX_2 = 0xC2B2AE3D27D4EB4FL;
  private static final long MIX_3 = 0x165667B19E3779F9L;

  private Seeds() {}

  /** The stream of one named stage (for example "generate", "refine") of one round. */
  public static SplittableRandom stage(long seed, String stage, int round) {
    return new SplittableRandom(seed * GOLDEN + stage.hashCode() * 31L + round);
  }

  /** The stream of simulated device {@code device} in round {@code round} (curation votes, discovery reports). */
  public static SplittableRandom device(long seed, int round, long device) {
    return new SplittableRandom(seed * GOLDEN + round * MIX_2 + device * MIX_3);
  }

  /**
   * Whether a device takes part in a round that polls a share {@code rate} of the devices: its own coin, drawn from
   * a stream apart from its vote and report, so the devices that do take part report exactly as they would at rate 1.
   */
  public static boolean participates(long seed, int round, long device, double rate) {
    return rate >= 1 || new SplittableRandom(seed * MIX_3 + round * GOLDEN + device * MIX_2 + 0x5A3D1E).nextDouble()
        < rate;
  }

  /**
   * Whether simulated device {@code device} is fake, for a fleet with a share {@code share} of fake devices: one
   * round-independent coin per device, so the same devices are fake in every round.
   */
  public static boolean isFake(long seed, long device, double share) {
    return share > 0 && new SplittableRandom(seed * MIX_2 + device * GOLDEN + 0xFA4EL).nextDouble() < share;
  }

  /**
   * The seed of a device's round-independent draw, {@code salt} apart for each use: the prompt a discovery device
   * holds (salt 1) and a benchmark device's vote and report (salt 0).
   */
  public static long device(long seed, long device, int salt) {
    return seed * GOLDEN + device * MIX_2 + salt;
  }
}
