package org.dpcurate.simulation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.SplittableRandom;
import org.dpcurate.attestation.UploadToken;
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
 * projected round a device compares the projection of its messages with the decoded codes. In a label-conditional
 * round (candidates carry labels) a message's nearest candidate is searched among its own label's candidates only
 * (all of them if its label has none in the device's download). With message weights, a device's first message
 * is drawn in proportion to them.
 */
public final class DeviceSimulator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int bankSize;
  /** Cumulative message weights for the first draw; null: uniform. */
  private final double[] cumulativeWeights;
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
    this(population, candidateEmbeddings, segments, null, null, messagesPerDevice, seed, round);
  }

  /**
   * As above; with a {@code projection} (null: none) the devices project their messages on its axes and
   * {@code candidateEmbeddings} are the candidates' {@link PrincipalProjection#scoringVector scoring vectors};
   * with {@code candidateLabels} (null: none) each message votes within its label.
   */
  public DeviceSimulator(PrivatePopulation population, float[][] candidateEmbeddings, DownloadPlan segments,
      PrincipalProjection projection, String[] candidateLabels, int messagesPerDevice, long seed, int round) {
    this.bankSize = population.size();
    double[] weights = population.weights();
    if (weights == null) {
      this.cumulativeWeights = null;
    } else {
      this.cumulativeWeights = new double[bankSize];
      double sum = 0;
      for (int i = 0; i < bankSize; i++) {
        sum += weights[i];
        cumulativeWeights[i] = sum;
      }
    }
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
      int[] downloaded = new int[layout == null ? candidateEmbeddings.length : layout.segmentSize(s)];
      for (int j = 0; j < downloaded.length; j++) {
        downloaded[j] = layout == null ? j : layout.candidate(s, j);
      }
      nearest[s] = new int[bankSize];
      similarity[s] = new float[bankSize];
      if (candidateLabels == null) {
        search(queries, allMessages(), candidateEmbeddings, downloaded, s);
        continue;
      }
      // Label-conditional: each label's messages search that label's downloaded candidates.
      Map<String, List<Integer>> messagesOf = new TreeMap<>();
      for (int m = 0; m < bankSize; m++) {
        messagesOf.computeIfAbsent(String.valueOf(population.label(m)), k -> new ArrayList<>()).add(m);
      }
      for (Map.Entry<String, List<Integer>> e : messagesOf.entrySet()) {
        int[] ofLabel = java.util.Arrays.stream(downloaded)
            .filter(c -> e.getKey().equals(String.valueOf(candidateLabels[c]))).toArray();
        search(queries, e.getValue().stream().mapToInt(Integer::intValue).toArray(), candidateEmbeddings,
            ofLabel.length > 0 ? ofLabel : downloaded, s);
      }
    }
    this.messagesPerDevice = messagesPerDevice;
    this.seed = seed;
    this.round = round;
  }

  private int[] allMessages() {
    int[] all = new int[bankSize];
    for (int m = 0; m < bankSize; m++) {
      all[m] = m;
    }
    return all;
  }

  /** Fills segment {@code s}'s nearest candidate (published index) of {@code messages} among {@code candidates}. */
  private void search(float[][] queries, int[] messages, float[][] candidateEmbeddings, int[] candidates, int s) {
    float[][] q = new float[messages.length][];
    for (int i = 0; i < messages.length; i++) {
      q[i] = queries[messages[i]];
    }
    float[][] members = new float[candidates.length][];
    for (int j = 0; j < candidates.length; j++) {
      members[j] = candidateEmbeddings[candidates[j]];
    }
    NearestCandidates.Result r = NearestCandidates.search(q, members);
    for (int i = 0; i < messages.length; i++) {
      nearest[s][messages[i]] = candidates[r.index()[i]];
      similarity[s][messages[i]] = r.similarity()[i];
    }
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
    int first = cumulativeWeights == null ? rng.nextInt(bankSize) : weightedDraw(rng);
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

  private int weightedDraw(SplittableRandom rng) {
    double u = rng.nextDouble() * cumulativeWeights[bankSize - 1];
    int i = java.util.Arrays.binarySearch(cumulativeWeights, u);
    return Math.min(bankSize - 1, i >= 0 ? i + 1 : -i - 1);
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
   * A device of an attested round: its token's hash, not the device, names the report and fixes its public
   * randomness (and so its segment) as in production (docs/protocol.md "Upload tokens"); the token itself is
   * {@link #simulatedToken simulated}.
   */
  public DeviceOutput simulateAttested(long device, FrequencyOracle oracle) {
    SplittableRandom rng = deviceRandom(device);
    UploadToken token = simulatedToken(rng);
    String reportId = token.reportId();
    int segment = segments == null ? 0 : segments.segmentOfReport(reportId);
    int vote = vote(rng, segment);
    int position = segments == null ? vote : segments.positionOf(vote);
    return new DeviceOutput(vote, oracle.randomize(position, token.publicRandomness(), rng), idHigh(reportId),
        idLow(reportId));
  }

  /**
   * A fake device of an attested round that holds a genuine token (a device farm): it pushes {@code target} with
   * the maximal-gain report under the randomness its token fixes, if its token's segment holds the target; any
   * other fake (or one whose target is not in the pool, -1) can only send noise.
   */
  public DeviceOutput simulateAttestedFake(long device, FrequencyOracle oracle, int target) {
    SplittableRandom rng = deviceRandom(device);
    UploadToken token = simulatedToken(rng);
    String reportId = token.reportId();
    long u = token.publicRandomness();
    boolean reaches = target >= 0
        && (segments == null || segments.segmentOfReport(reportId) == segments.segmentOf(target));
    Report report = reaches
        ? PoisoningAttack.fakeReport(oracle, segments == null ? target : segments.positionOf(target), u, rng)
        : oracle.randomize(rng.nextInt(oracle.domainSize()), u, rng);
    return new DeviceOutput(-1, report, idHigh(reportId), idLow(reportId));
  }

  /**
   * A simulated token: its signature's 256 bytes are drawn (a real RSA-2048 signature is as unpredictable to the
   * device), its input left zero. It is never verified (simulated reports skip ingestion); its SHA-256 derives the
   * report id and public randomness exactly as a real token's does.
   */
  static UploadToken simulatedToken(SplittableRandom rng) {
    byte[] signature = new byte[256];
    for (int i = 0; i < signature.length; i += 8) {
      long bits = rng.nextLong();
      for (int j = 0; j < 8; j++) {
        signature[i + j] = (byte) (bits >>> (8 * j));
      }
    }
    return new UploadToken(new byte[UploadToken.INPUT_BYTES], signature);
  }

  private static long idHigh(String reportId) {
    return Long.parseUnsignedLong(reportId.substring(0, 16), 16);
  }

  private static long idLow(String reportId) {
    return Long.parseUnsignedLong(reportId.substring(16), 16);
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
