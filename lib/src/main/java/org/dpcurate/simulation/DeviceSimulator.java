package org.dpcurate.simulation;

import java.io.Serializable;
import java.util.SplittableRandom;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.client.SegmentLayout;
import org.dpcurate.download.DownloadPlan;
import org.dpcurate.download.PrincipalProjection;
import org.dpcurate.embedding.NearestCandidates;
import org.dpcurate.hash.Seeds;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.Report;

/**
 * Simulated devices for one round's candidate pool. Vote rule: a device holds {@code messagesPerDevice}
 * messages of one persona; each message's nearest candidate (cosine) is precomputed once per bank message; the
 * device votes for the candidate nearest to most of its messages, ties going to the candidate with the highest
 * single similarity. Each device's randomness comes from its own stream, seeded by (seed, round, device index),
 * so results do not depend on how devices are partitioned. In a segmented round ({@link DownloadPlan}) a device
 * first draws its report id, which fixes its segment, and votes for the nearest of that segment's candidates. In a
 * projected round a device compares the projection of its messages with the decoded codes.
 */
public final class DeviceSimulator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int bankSize;
  private final int[][] personaMembers;
  private final SegmentLayout segments;
  /** By segment, then bank message: the nearest candidate's published index, and its similarity. */
  private final int[][] nearest;
  private final float[][] similarity;
  private final int messagesPerDevice;
  private final long seed;
  private final int round;

  /** Devices that download the whole pool. */
  public DeviceSimulator(PrivatePopulation population, float[][] candidateEmbeddings, int messagesPerDevice,
      long seed, int round) {
    this(population, candidateEmbeddings, null, messagesPerDevice, seed, round);
  }

  /**
   * Devices that download one segment of {@code segments} (null: the whole pool); {@code candidateEmbeddings}
   * are what the devices compare against (the dequantized download).
   */
  public DeviceSimulator(PrivatePopulation population, float[][] candidateEmbeddings, DownloadPlan segments,
      int messagesPerDevice, long seed, int round) {
    this(population, candidateEmbeddings, segments, null, messagesPerDevice, seed, round);
  }

  /**
   * As above; with a {@code projection} (null: none) the devices project their messages on its axes and
   * {@code candidateEmbeddings} are the candidates' {@link PrincipalProjection#scoringVector scoring vectors}.
   */
  public DeviceSimulator(PrivatePopulation population, float[][] candidateEmbeddings, DownloadPlan segments,
      PrincipalProjection projection, int messagesPerDevice, long seed, int round) {
    this.bankSize = population.size();
    this.personaMembers = new int[bankSize][];
    for (int i = 0; i < bankSize; i++) {
      personaMembers[i] = population.personaOf(i);
    }
    SegmentLayout layout = segments == null ? null : segments.layout();
    this.segments = layout;
    int count = layout == null ? 1 : layout.segments();
    float[][] queries = population.embeddings();
    if (projection != null) {
      queries = new float[queries.length][];
      for (int m = 0; m < queries.length; m++) {
        queries[m] = projection.project(population.embeddings()[m]);
      }
    }
    this.nearest = new int[count][];
    this.similarity = new float[count][];
    for (int s = 0; s < count; s++) {
      float[][] members = candidateEmbeddings;
      if (segments != null) {
        members = new float[layout.segmentSize(s)][];
        for (int j = 0; j < members.length; j++) {
          members[j] = candidateEmbeddings[layout.candidate(s, j)];
        }
      }
      NearestCandidates.Result r = NearestCandidates.search(queries, members);
      nearest[s] = r.index();
      similarity[s] = r.similarity();
      if (segments != null) {
        for (int m = 0; m < bankSize; m++) {
          nearest[s][m] = layout.candidate(s, nearest[s][m]);
        }
      }
    }
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
    return vote(rng, 0);
  }

  /** The published index of the candidate a device of {@code segment} votes for. */
  private int vote(SplittableRandom rng, int segment) {
    int[] nearestOf = nearest[segment];
    float[] similarityOf = similarity[segment];
    int first = rng.nextInt(bankSize);
    if (messagesPerDevice == 1) {
      return nearestOf[first];
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
      int candidate = nearestOf[picks[i]];
      int count = 0;
      float top = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < messagesPerDevice; j++) {
        if (nearestOf[picks[j]] == candidate) {
          count++;
          top = Math.max(top, similarityOf[picks[j]]);
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
    if (segments == null) {
      int vote = vote(rng);
      Report report = oracle.randomize(vote, rng);
      // A random report id: unique with overwhelming probability and unlinkable to the device.
      return new DeviceOutput(vote, report, rng.nextLong(), rng.nextLong());
    }
    // The id comes first: it fixes the segment the device downloads and reports for.
    long high = rng.nextLong();
    long low = rng.nextLong();
    int vote = vote(rng, segments.segmentOfReport(UploadRecord.reportId(high, low)));
    return new DeviceOutput(vote, oracle.randomize(segments.positionOf(vote), rng), high, low);
  }

  /**
   * A fake device of an attack on candidate {@code target} (vote -1: it holds no message); {@code target} -1 when
   * the target is not in this round's pool, so the device can only send noise.
   */
  public DeviceOutput simulateFake(long device, FrequencyOracle oracle, int target) {
    SplittableRandom rng = deviceRandom(device);
    if (segments == null) {
      Report report = target >= 0
          ? PoisoningAttack.fakeReport(oracle, PoisoningAttack.Strategy.MAXIMAL_GAIN, target, rng)
          : PoisoningAttack.fakeReport(oracle, PoisoningAttack.Strategy.RANDOM_REPORT, 0, rng);
      return new DeviceOutput(-1, report, rng.nextLong(), rng.nextLong());
    }
    // Devices draw their own report ids, so a fake one draws ids until it lands in the target's segment.
    long high;
    long low;
    do {
      high = rng.nextLong();
      low = rng.nextLong();
    } while (target >= 0 && segments.segmentOfReport(UploadRecord.reportId(high, low)) != segments.segmentOf(target));
    Report report = target >= 0
        ? PoisoningAttack.fakeReport(oracle, PoisoningAttack.Strategy.MAXIMAL_GAIN, segments.positionOf(target), rng)
        : PoisoningAttack.fakeReport(oracle, PoisoningAttack.Strategy.RANDOM_REPORT, 0, rng);
    return new DeviceOutput(-1, report, high, low);
  }
}
