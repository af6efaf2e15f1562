package org.dpcurate.simulation;

import java.util.random.RandomGenerator;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.Report;

/**
 * Reports of fake devices (simulation only): scripts that run the protocol but choose what to send.
 *
 * <p>{@link Strategy#MAXIMAL_GAIN} is the strongest single-target attack on every oracle here (Cao, Jia and Gong,
 * USENIX Security 2021): each estimator is linear in whether a report "supports" a candidate
 * ({@link FrequencyOracle#supports}), so a fake report that always supports the target gains the most. It is drawn as
 * an honest report of the target conditioned on supporting it (rejection sampling): GRR sends the target, OUE and SS
 * set its bit, OLH and FLH send the target's hash under the seed they drew, CMS and HCMS the target's sketch entry;
 * every other bit and field is distributed as an honest device's. No check of one report can tell it from an
 * honest report that happened to support the target. {@link Strategy#RANDOM_REPORT} is the baseline: an honest
 * report of a uniformly random candidate (noise, no target).
 */
public final class PoisoningAttack {
  private PoisoningAttack() {}

  /** What a fake device sends. */
  public enum Strategy { MAXIMAL_GAIN, RANDOM_REPORT }

  /** Rejection sampling gives up after this many draws (GRR at K = 100,000 and eps 2 needs ~13,500 on average). */
  private static final int MAX_DRAWS = 10_000_000;

  public static Report fakeReport(FrequencyOracle oracle, Strategy strategy, int target, RandomGenerator rng) {
    int k = oracle.config().domainSize();
    if (target < 0 || target >= k) {
      throw new IllegalArgumentException("target " + target + " outside the domain [0, " + k + ")");
    }
    if (strategy == Strategy.RANDOM_REPORT) {
      return oracle.randomize(rng.nextInt(k), rng);
    }
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      Report r = oracle.randomize(target, rng);
      if (oracle.supports(r, target)) {
        return r;
      }
    }
    throw new IllegalStateException("no report supporting the target in " + MAX_DRAWS + " draws");
  }

  /**
   * The maximal-gain report for {@code target} under the public randomness a token fixes (OLH seed, FLH index,
   * sketch row and coefficient): an honest report of the target under it, conditioned on supporting the target.
   */
  public static Report fakeReport(FrequencyOracle oracle, int target, long publicRandomness, RandomGenerator rng) {
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      Report r = oracle.randomize(target, publicRandomness, rng);
      if (oracle.supports(r, target)) {
        return r;
      }
    }
    throw new IllegalStateException("no report supporting the target in " + MAX_DRAWS + " draws");
  }

  /**
   * A fake report aimed at several {@code targets} at once: of {@code draws} honest reports of the targets (in
   * turn), the one that supports the most of them. Without a token ({@code publicRandomness} null) each draw has
   * its own seed, hash index or row, so the fake effectively chooses them (under OLH a seed that hashes every target
   * to one bucket turns up once in g^(t-1) draws); with a token every draw has the public part the token fixes,
   * and the fake can only choose the rest (the bucket, the sign).
   */
  public static Report multiTargetReport(FrequencyOracle oracle, int[] targets, Long publicRandomness, int draws,
      RandomGenerator rng) {
    Report best = null;
    int bestSupported = -1;
    for (int draw = 0; draw < draws; draw++) {
      int t = targets[draw % targets.length];
      Report r = publicRandomness == null ? oracle.randomize(t, rng) : oracle.randomize(t, publicRandomness, rng);
      int supported = 0;
      for (int target : targets) {
        supported += oracle.supports(r, target) ? 1 : 0;
      }
      if (supported > bestSupported) {
        best = r;
        bestSupported = supported;
      }
    }
    return best;
  }
}
