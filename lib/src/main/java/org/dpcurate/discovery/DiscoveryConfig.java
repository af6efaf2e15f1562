package org.dpcurate.discovery;

import java.util.Arrays;
import org.dpcurate.oracle.OracleKind;

/**
 * The server's settings for string discovery. Cohorts are disjoint: every device reports in exactly one round, so
 * a device spends the eps of its own round and no more (parallel composition).
 *
 * @param epsilon per-device budget, > 0 and finite; every round's eps is at most this
 * @param segmentTokens words a prefix grows by per round, >= 1
 * @param maxPrefixes significant open prefixes carried to the next round (the most popular), >= 1
 * @param cohortShares share of the devices in each prefix round's cohort, normalized; empty = equal cohorts
 * @param roundEpsilons eps of each round's reports; empty = {@code epsilon} in every round
 * @param oracle oracle of the candidate-list rounds: FLH, OLH, CMS or HCMS (those that can report "none")
 * @param fdr false discovery rate of each round's selection, in (0, 1)
 * @param minDevices a candidate must be estimated to be held by at least this many devices of the population
 * @param fragmentHashBits SFP: bits of the short hash tying fragments, 1..16
 * @param fragmentShare SFP: share of the devices reporting fragments (the rest score the reconstructions)
 * @param sketchRows SFP: count-mean sketch rows k of the fragment round
 * @param sketchColumns SFP: count-mean sketch columns m of the fragment round
 * @param maxCandidatesPerHash SFP: reconstructions tried per short hash before giving up on it
 * @param hashSalt base salt of every round's hash family
 */
public record DiscoveryConfig(double epsilon, int segmentTokens, int maxPrefixes, double[] cohortShares,
    double[] roundEpsilons, OracleKind oracle, double fdr, double minDevices, int fragmentHashBits,
    double fragmentShare, int sketchRows, int sketchColumns, int maxCandidatesPerHash, long hashSalt) {

  public DiscoveryConfig {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be finite and > 0, got: " + epsilon);
    }
    if (segmentTokens < 1 || segmentTokens > 4) {
      throw new IllegalArgumentException("segment tokens must be in [1, 4], got: " + segmentTokens);
    }
    if (maxPrefixes < 1 || maxPrefixes > 100_000) {
      throw new IllegalArgumentException("max prefixes must be in [1, 100000], got: " + maxPrefixes);
    }
    for (double s : cohortShares) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("cohort shares must be finite and > 0, got: " + Arrays.toString(
            cohortShares));
      }
    }
    for (double e : roundEpsilons) {
      if (!(e > 0) || e > epsilon * (1 + 1e-12)) {
        throw new IllegalArgumentException("round eps must be in (0, " + epsilon + "] (the per-device budget), "
            + "got: " + Arrays.toString(roundEpsilons));
      }
    }
    if (oracle == null || !oracle.hashed()) {
      throw new IllegalArgumentException("the discovery oracle must be " + ORACLES + " (devices holding none "
          + "of the candidates report a random bucket), got: " + oracle);
    }
    if (!(fdr > 0 && fdr < 1)) {
      throw new IllegalArgumentException("fdr must be in (0, 1), got: " + fdr);
    }
    if (!(minDevices >= 0) || Double.isInfinite(minDevices)) {
      throw new IllegalArgumentException("min devices must be finite and >= 0, got: " + minDevices);
    }
    if (fragmentHashBits < 1 || fragmentHashBits > 16) {
      throw new IllegalArgumentException("fragment hash bits must be in [1, 16], got: " + fragmentHashBits);
    }
    if (!(fragmentShare > 0 && fragmentShare < 1)) {
      throw new IllegalArgumentException("fragment share must be in (0, 1), got: " + fragmentShare);
    }
    if (sketchRows < 1 || sketchRows > 65_536 || sketchColumns < 2 || sketchColumns > (1 << 20)) {
      throw new IllegalArgumentException("fragment sketch must have 1..65536 rows and 2..2^20 columns, got: "
          + sketchRows + " x " + sketchColumns);
    }
    if (maxCandidatesPerHash < 1) {
      throw new IllegalArgumentException("max candidates per hash must be >= 1, got: " + maxCandidatesPerHash);
    }
    cohortShares = cohortShares.clone();
    roundEpsilons = roundEpsilons.clone();
  }

  /** The candidate-list rounds' oracle unless configured: FLH, for its fast decoding. */
  public static final OracleKind DEFAULT_ORACLE = OracleKind.FLH;
  /** The oracles candidate-list rounds can use: those where a device holding no candidate still reports. */
  public static final String ORACLES =
      OracleKind.listed(OracleKind.where(OracleKind::hashed), DEFAULT_ORACLE, "or");

  public static DiscoveryConfig defaults(double epsilon) {
    return new DiscoveryConfig(epsilon, 1, 128, new double[0], new double[0], DEFAULT_ORACLE, 0.05, 0, 8, 0.7,
        256, 1024, 2000, 0L);
  }

  /** Prefix-tree rounds for strings of at most {@code maxWords} words: the words and the end marker. */
  public int prefixRounds(int maxWords) {
    return (maxWords + 1 + segmentTokens - 1) / segmentTokens;
  }

  /** Cohort boundaries: round r's devices are [bounds[r-1], bounds[r]). */
  public static long[] cohortBounds(long devices, double[] shares) {
    double total = Arrays.stream(shares).sum();
    long[] bounds = new long[shares.length + 1];
    double cumulative = 0;
    for (int r = 0; r < shares.length; r++) {
      cumulative += shares[r];
      bounds[r + 1] = r + 1 == shares.length ? devices : Math.round(devices * cumulative / total);
    }
    return bounds;
  }

  /** The cohort shares for {@code rounds} rounds (equal unless configured). */
  public double[] sharesFor(int rounds) {
    if (cohortShares.length == 0) {
      double[] equal = new double[rounds];
      Arrays.fill(equal, 1);
      return equal;
    }
    if (cohortShares.length != rounds) {
      throw new IllegalArgumentException(cohortShares.length + " cohort shares given for " + rounds + " rounds");
    }
    return cohortShares.clone();
  }

  /** Round r's eps (1-based). */
  public double epsilonOf(int round, int rounds) {
    if (roundEpsilons.length == 0) {
      return epsilon;
    }
    if (roundEpsilons.length != rounds) {
      throw new IllegalArgumentException(roundEpsilons.length + " round eps values given for " + rounds
          + " rounds");
    }
    return roundEpsilons[round - 1];
  }

  public DiscoveryConfig withMinDevices(double n) {
    return new DiscoveryConfig(epsilon, segmentTokens, maxPrefixes, cohortShares, roundEpsilons, oracle, fdr, n,
        fragmentHashBits, fragmentShare, sketchRows, sketchColumns, maxCandidatesPerHash, hashSalt);
  }

  public DiscoveryConfig withMaxPrefixes(int n) {
    return new DiscoveryConfig(epsilon, segmentTokens, n, cohortShares, roundEpsilons, oracle, fdr, minDevices,
        fragmentHashBits, fragmentShare, sketchRows, sketchColumns, maxCandidatesPerHash, hashSalt);
  }

  public DiscoveryConfig withHashSalt(long salt) {
    return new DiscoveryConfig(epsilon, segmentTokens, maxPrefixes, cohortShares, roundEpsilons, oracle, fdr,
        minDevices, fragmentHashBits, fragmentShare, sketchRows, sketchColumns, maxCandidatesPerHash, salt);
  }
}
