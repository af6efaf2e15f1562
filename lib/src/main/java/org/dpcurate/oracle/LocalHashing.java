package org.dpcurate.oracle;

import java.util.random.RandomGenerator;

/** GRR over the hash range [g], shared by OLH and FLH. */
final class LocalHashing {
  private LocalHashing() {}

  /** p = e^eps / (e^eps + g - 1): the hashed value is kept. */
  static double keep(OracleConfig config) {
    double e = Math.exp(config.epsilon());
    return e / (e + config.hashRange() - 1);
  }

  static int perturb(int hashed, int g, double p, RandomGenerator rng) {
    if (rng.nextDouble() < p) {
      return hashed;
    }
    int other = rng.nextInt(g - 1);
    return other >= hashed ? other + 1 : other;
  }

  static double probability(int reported, int hashed, int g, double p) {
    return reported == hashed ? p : (1 - p) / (g - 1);
  }

  static int bitsFor(int range) {
    return 32 - Integer.numberOfLeadingZeros(range - 1);
  }
}
