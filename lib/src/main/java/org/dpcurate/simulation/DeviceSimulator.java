package org.dpcurate.simulation;

import java.io.Serializable;
import java.util.SplittableRandom;
import org.dpcurate.embedding.NearestCandidates;
import org.dpcurate.hash.Seeds;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.Report;

/**
 * Simulated devices for one round's candidate pool. Vote rule: a device holds {@code messagesPerDevice}
 * messages of one persona; each message's nearest candidate (cosine) is precomputed once per bank message; the
 * device votes for the candidate nearest to most of its messages, ties going to the candidate with the highest
 * single similarity. Each device's randomness comes from its own stream, seeded by (seed, round, device index),
 * so results do not depend on how devices are partitioned.
 */
public final class DeviceSimulator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int bankSize;
  private final int[][] personaMembers;
  private final int[] nearest;
  private final float[] similarity;
  private final int messagesPerDevice;
  private final long seed;
  private final int round;

  public DeviceSimulator(PrivatePopulation population, float[][] candidateEmbeddings, int messagesPerDevice,
      long seed, int round) {
    this.bankSize = population.size();
    this.personaMembers = new int[bankSize][];
    for (int i = 0; i < bankSize; i++) {
      personaMembers[i] = population.personaOf(i);
    }
    NearestCandidates.Result r = NearestCandidates.search(population.embeddings(), candidateEmbeddings);
    this.nearest = r.index();
    this.similarity = r.similarity();
    this.messagesPerDevice = messagesPerDevice;
    this.seed = seed;
    this.round = round;
  }

  /** The independent random stream of one device in this round ({@link Seeds#device(long, int, long)}). */
  public SplittableRandom deviceRandom(long device) {
    return Seeds.device(seed, round, device);
  }

  /** The candidate index the device votes for, drawing its messages from {@code rng}. */
  public int vote(SplittableRandom rng) {
    int first = rng.nextInt(bankSize);
    if (messagesPerDevice == 1) {
      return nearest[first];
    }
    int[] members = personaMembers[first];
    int[] picks = new int[messagesPerDevice];
    picks[0] = first;
    for (int i = 1; i < messagesPerDevice; i++) {
      picks[i] = members[rng.nextInt(members.length)];
    }
    int best = -1;
    int bestCount = 0;
    float bestSim = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < messagesPerDevice; i++) {
      int candidate = nearest[picks[i]];
      int count = 0;
      float top = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < messagesPerDevice; j++) {
        if (nearest[picks[j]] == candidate) {
          count++;
          top = Math.max(top, similarity[picks[j]]);
        }
      }
      if (count > bestCount || (count == bestCount && top > bestSim)) {
        best = candidate;
        bestCount = count;
        bestSim = top;
      }
    }
    return best;
  }

  /** One device's vote and its randomized report. */
  public record DeviceOutput(int vote, Report report, long reportIdHigh, long reportIdLow) {}

  public DeviceOutput simulate(long device, FrequencyOracle oracle) {
    SplittableRandom rng = deviceRandom(device);
    int vote = vote(rng);
    Report report = oracle.randomize(vote, rng);
    // A random report id: unique with overwhelming probability and unlinkable to the device.
    return new DeviceOutput(vote, report, rng.nextLong(), rng.nextLong());
  }

  /**
   * A fake device of an attack on candidate {@code target} (vote -1: it holds no message); {@code target} -1 when
   * the target is not in this round's pool, so the device can only send noise.
   */
  public DeviceOutput simulateFake(long device, FrequencyOracle oracle, int target) {
    SplittableRandom rng = deviceRandom(device);
    Report report = target >= 0
        ? PoisoningAttack.fakeReport(oracle, PoisoningAttack.Strategy.MAXIMAL_GAIN, target, rng)
        : PoisoningAttack.fakeReport(oracle, PoisoningAttack.Strategy.RANDOM_REPORT, 0, rng);
    return new DeviceOutput(-1, report, rng.nextLong(), rng.nextLong());
  }

  /** The nearest candidate of every bank message. */
  public int[] nearest() {
    return nearest.clone();
  }

  /** Mean cosine similarity of the bank's messages to their nearest candidate. */
  public double meanNearestSimilarity() {
    double s = 0;
    for (float x : similarity) {
      s += x;
    }
    return s / similarity.length;
  }
}
