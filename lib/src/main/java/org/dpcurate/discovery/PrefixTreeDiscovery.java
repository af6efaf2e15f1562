package org.dpcurate.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dpcurate.estimation.FrequencyEstimates;

/**
 * Discovery by iterative prefix extension. Round 1 lists every first segment; each later round lists the previous
 * round's significant open prefixes extended by one segment of words (or the end marker). A fresh cohort reports
 * each round, so a device's string is private at the eps of its one round. Candidates that are not significant
 * under the false discovery rate are pruned; significant ones ending in the end marker are discovered strings;
 * the most popular open ones (at most {@code maxPrefixes}) are extended. The public maximum length bounds the
 * rounds.
 */
public final class PrefixTreeDiscovery {
  public static final String METHOD = "prefix-tree";

  private PrefixTreeDiscovery() {}

  /**
   * @param maxWords the public maximum string length in words
   * @param devices the devices that take part, split into one cohort per round
   */
  public static DiscoveryResult run(PromptVocabulary vocabulary, int maxWords, long devices, DiscoveryConfig config,
      RoundChannel channel) {
    int segment = config.segmentTokens();
    int rounds = config.prefixRounds(maxWords);
    long[] bounds = DiscoveryConfig.cohortBounds(devices, config.sharesFor(rounds));
    List<int[]> open = List.of(new int[0]);
    List<RoundCandidate> rows = new ArrayList<>();
    List<RoundSummary> summaries = new ArrayList<>();
    List<DiscoveredString> found = new ArrayList<>();
    for (int round = 1; round <= rounds && !open.isEmpty(); round++) {
      long start = System.nanoTime();
      long cohort = bounds[round] - bounds[round - 1];
      PrefixRound.Plan plan = PrefixRound.plan(config, maxWords, vocabulary, round, open, cohort);
      FrequencyEstimates estimates = channel.collect(new CohortRound("prefix", round, bounds[round - 1],
          bounds[round], plan.oracle(), plan.encoder(vocabulary.end())));
      PrefixRound.Outcome out = PrefixRound.select(plan, estimates, config, vocabulary, cohort, devices);
      rows.addAll(out.rows());
      found.addAll(out.discovered());
      double seconds = (System.nanoTime() - start) / 1e9;
      int candidates = plan.listed().size() - (plan.padded() ? 1 : 0);
      RoundSummary summary = new RoundSummary(round, "prefix", bounds[round - 1], bounds[round], plan.oracle(),
          segment, candidates, out.selected(), out.extended().size(), out.prunedByCap(), out.discovered().size(),
          seconds);
      summaries.add(summary);
      channel.completed(summary);
      open = out.extended();
    }
    return new DiscoveryResult(METHOD, CandidateListRound.ranked(found), rows, summaries);
  }

  /**
   * Every prefix extended to {@code length} tokens by word or end-marker tokens, closed under the end marker (after
   * it, only end markers), never the empty string, and ending in the end marker at the maximum length.
   */
  static List<int[]> extensions(List<int[]> prefixes, int length, int maxTokens, int end) {
    List<int[]> out = new ArrayList<>();
    for (int[] p : prefixes) {
      int[] c = Arrays.copyOf(p, length);
      extend(c, p.length, length, maxTokens, end, out);
    }
    return out;
  }

  private static void extend(int[] c, int at, int length, int maxTokens, int end, List<int[]> out) {
    if (at == length) {
      out.add(c.clone());
      return;
    }
    boolean ended = at > 0 && c[at - 1] == end;
    if (ended) {
      c[at] = end;
      extend(c, at + 1, length, maxTokens, end, out);
      return;
    }
    if (at > 0) {
      // The end marker closes the string; as the very first token it would be the empty string.
      c[at] = end;
      extend(c, at + 1, length, maxTokens, end, out);
    }
    if (at < maxTokens - 1) {
      for (int t = 0; t < end; t++) {
        c[at] = t;
        extend(c, at + 1, length, maxTokens, end, out);
      }
    }
  }
}
