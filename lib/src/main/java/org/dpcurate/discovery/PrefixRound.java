package org.dpcurate.discovery;

import java.util.ArrayList;
import java.util.List;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.selection.RankedCandidate;

/**
 * The two steps of a prefix-tree round, shared by the in-process loop ({@link PrefixTreeDiscovery}) and nightly
 * rounds over uploaded reports: {@link #plan} lists the round's candidates and its oracle from the prefixes the last
 * round carried on; {@link #select} turns the round's estimates into the fate of every candidate, the discovered
 * strings and the prefixes carried to the next round.
 */
public final class PrefixRound {
  private PrefixRound() {}

  /**
   * A round as published: its candidate list ({@code listed}, with the empty string appended when fewer than two
   * candidates would be listed) of token sequences {@code length} long, and the oracle devices report with.
   */
  public record Plan(int round, int rounds, int length, int maxTokens, List<int[]> listed, boolean padded,
      OracleConfig oracle) {
    /** How a device of this round turns its tokens into a candidate index (or none). */
    public PrefixCandidates encoder(int end) {
      return new PrefixCandidates(listed, length, maxTokens, end);
    }
  }

  /** What selection made of a round. */
  public record Outcome(List<RoundCandidate> rows, List<int[]> extended, List<DiscoveredString> discovered,
      int selected, int prunedByCap) {}

  /**
   * Round {@code round}'s plan from {@code open}, the prefixes the previous round carried on (round 1: the empty
   * prefix), for a cohort of about {@code cohortDevices} devices.
   */
  public static Plan plan(DiscoveryConfig config, int maxWords, PromptVocabulary vocabulary, int round,
      List<int[]> open, long cohortDevices) {
    int maxTokens = maxWords + 1;
    int rounds = config.prefixRounds(maxWords);
    int length = Math.min(round * config.segmentTokens(), maxTokens);
    List<int[]> extensions = PrefixTreeDiscovery.extensions(open, length, maxTokens, vocabulary.end());
    List<int[]> listed = CandidateListRound.listed(extensions, round, length, vocabulary.end());
    boolean padded = listed.size() > extensions.size();
    OracleConfig oracle = CandidateListRound.oracleFor(config, config.epsilonOf(round, rounds), listed.size(),
        cohortDevices, config.hashSalt() + ((long) round << 32));
    return new Plan(round, rounds, length, maxTokens, listed, padded, oracle);
  }

  /** Discovered strings ranked 1.. by share, highest first (across rounds). */
  public static List<DiscoveredString> ranked(List<DiscoveredString> found) {
    return CandidateListRound.ranked(found);
  }

  /**
   * The round's selection from its estimates over {@code cohortDevices} reports, {@code populationDevices} being the
   * devices of the whole population (for the minimum device count and the population estimates).
   */
  public static Outcome select(Plan plan, FrequencyEstimates estimates, DiscoveryConfig config,
      PromptVocabulary vocabulary, long cohortDevices, long populationDevices) {
    List<RankedCandidate> ranking = CandidateListRound.selection(config, cohortDevices, populationDevices, 1)
        .rank(estimates);
    List<RoundCandidate> rows = new ArrayList<>();
    List<int[]> next = new ArrayList<>();
    List<DiscoveredString> found = new ArrayList<>();
    int selected = 0;
    int capped = 0;
    int length = plan.length();
    for (RankedCandidate r : ranking) {
      if (plan.padded() && r.index() == plan.listed().size() - 1) {
        continue;
      }
      int[] c = plan.listed().get(r.index());
      boolean complete = c[length - 1] == vocabulary.end();
      String status;
      if (!r.selected()) {
        status = "pruned";
      } else if (complete) {
        status = "discovered";
        found.add(CandidateListRound.discovered(vocabulary.text(c), vocabulary.wordCount(c), plan.round(), r,
            cohortDevices, populationDevices));
      } else if (next.size() < config.maxPrefixes()) {
        status = "extended";
        next.add(c);
      } else {
        status = "pruned_cap";
        capped++;
      }
      selected += r.selected() ? 1 : 0;
      rows.add(CandidateListRound.row(plan.round(), "prefix", vocabulary.text(c), complete, r, status));
    }
    return new Outcome(rows, next, found, selected, capped);
  }
}
