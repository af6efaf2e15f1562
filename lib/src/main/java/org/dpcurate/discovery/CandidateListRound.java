package org.dpcurate.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.PostProcessing;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.selection.Selection;

/**
 * A round in which a cohort reports on a published list of token sequences (prefix-tree rounds and SFP's scoring
 * round): oracle config, collection, and selection with the false discovery rate and the minimum device count
 * scaled to the cohort.
 */
final class CandidateListRound {
  private CandidateListRound() {}

  /** The round's candidates (possibly with the padding candidate), estimates and ranking in rank order. */
  record Outcome(List<int[]> candidates, boolean padded, OracleConfig oracle, FrequencyEstimates estimates,
      List<RankedCandidate> ranking) {}

  static Outcome run(RoundChannel channel, String stage, int round, long from, long to, double epsilon,
      List<int[]> candidates, int length, int maxTokens, PromptVocabulary vocabulary, DiscoveryConfig config,
      long populationDevices) {
    List<int[]> listed = listed(candidates, round, length, vocabulary.end());
    boolean padded = listed.size() > candidates.size();
    long devices = to - from;
    OracleConfig oracle = oracleFor(config, epsilon, listed.size(), devices, config.hashSalt() + ((long) round << 32));
    PrefixCandidates encoder = new PrefixCandidates(listed, length, maxTokens, vocabulary.end());
    FrequencyEstimates estimates = channel.collect(new CohortRound(stage, round, from, to, oracle, encoder));
    List<RankedCandidate> ranking = selection(config, devices, populationDevices, 1).rank(estimates);
    return new Outcome(listed, padded, oracle, estimates, ranking);
  }

  /**
   * The list a round publishes: {@code candidates}, plus the empty string (which no device holds) when fewer than
   * two, since every oracle needs K >= 2; refused above the largest domain.
   */
  static List<int[]> listed(List<int[]> candidates, int round, int length, int end) {
    List<int[]> listed = new ArrayList<>(candidates);
    if (listed.size() < 2) {
      int[] empty = new int[length];
      Arrays.fill(empty, end);
      listed.add(empty);
    }
    if (listed.size() > OracleConfig.MAX_DOMAIN_SIZE) {
      throw new IllegalArgumentException("round " + round + " would list " + listed.size() + " candidates, above "
          + OracleConfig.MAX_DOMAIN_SIZE + "; lower the segment size or the prefix cap");
    }
    return listed;
  }

  static OracleConfig oracleFor(DiscoveryConfig config, double epsilon, int k, long devices, long salt) {
    if (!config.oracle().hashed()) {
      throw new IllegalArgumentException("not a discovery oracle: " + config.oracle());
    }
    return config.oracle().defaultConfig(epsilon, k, devices, salt);
  }

  /**
   * Benjamini-Hochberg at the configured rate; the minimum is {@code minDevices} of the population scaled to the
   * cohort, divided by {@code spread} when a device's report lands on one of several values (SFP positions).
   */
  static Selection selection(DiscoveryConfig config, long cohort, long populationDevices, int spread) {
    double minCount = config.minDevices() * cohort / populationDevices / spread;
    return new Selection(config.fdr(), minCount, 0.95, PostProcessing.NONE);
  }

  static RoundCandidate row(int round, String stage, String text, boolean complete, RankedCandidate r,
      String status) {
    return new RoundCandidate(round, stage, text, complete, -1, -1, r.estimate(), r.stdError(), r.ciLow(),
        r.ciHigh(), r.pValue(), r.selected(), status);
  }

  static DiscoveredString discovered(String text, int words, int round, RankedCandidate r, long cohort,
      long populationDevices) {
    double share = r.estimate() / cohort;
    double se = r.stdError() / cohort;
    return new DiscoveredString(0, text, words, round, r.estimate(), r.stdError(), cohort, share, se,
        r.ciLow() / cohort, r.ciHigh() / cohort, share * populationDevices, r.pValue());
  }

  /** Ranks 1.. by share, highest first. */
  static List<DiscoveredString> ranked(List<DiscoveredString> found) {
    List<DiscoveredString> sorted = new ArrayList<>(found);
    sorted.sort((a, b) -> a.share() != b.share() ? Double.compare(b.share(), a.share())
        : a.text().compareTo(b.text()));
    List<DiscoveredString> out = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      DiscoveredString d = sorted.get(i);
      out.add(new DiscoveredString(i + 1, d.text(), d.words(), d.round(), d.estimate(), d.stdError(),
          d.cohortReports(), d.share(), d.shareStdError(), d.shareLow(), d.shareHigh(), d.populationEstimate(),
          d.pValue()));
    }
    return out;
  }
}
