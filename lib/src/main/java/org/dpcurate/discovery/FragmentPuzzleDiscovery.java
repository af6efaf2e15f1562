package org.dpcurate.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.selection.RankedCandidate;

/**
 * Discovery with the Sequence Fragment Puzzle (Apple, "Learning with Privacy at Scale", 2017). Round 1: a
 * fragment cohort reports (position, short hash of the whole string, word at the position) through a count-mean
 * sketch. The server keeps the significant fragments, and for each short hash joins one significant word per
 * position into strings (closed under the end marker) whose own short hash matches: the puzzle pieces that fit.
 * Round 2: a scoring cohort reports on those reconstructions as a candidate list, which gives the estimates,
 * standard errors and the false-discovery-controlled selection.
 */
public final class FragmentPuzzleDiscovery {
  public static final String METHOD = "sfp";

  private FragmentPuzzleDiscovery() {}

  public static DiscoveryResult run(PromptVocabulary vocabulary, int maxWords, long devices, DiscoveryConfig config,
      RoundChannel channel) {
    long start = System.nanoTime();
    long split = Math.round(devices * config.fragmentShare());
    if (split < 1 || split >= devices) {
      throw new IllegalArgumentException("fragment share " + config.fragmentShare() + " of " + devices
          + " devices leaves a cohort empty");
    }
    FragmentEncoder encoder = new FragmentEncoder(vocabulary, maxWords, config.fragmentHashBits(),
        config.hashSalt());
    if (encoder.domainSize() > OracleConfig.MAX_DOMAIN_SIZE) {
      throw new IllegalArgumentException("the fragment domain W x 2^bits x (V+1) = " + encoder.domainSize()
          + " exceeds " + OracleConfig.MAX_DOMAIN_SIZE + "; lower the hash bits, the vocabulary or max words");
    }
    OracleConfig sketch = OracleConfig.cms(config.epsilonOf(1, 2), (int) encoder.domainSize(), config.sketchRows(),
        config.sketchColumns(), config.hashSalt() + (1L << 32));
    FrequencyEstimates fragments = channel.collect(new CohortRound("fragments", 1, 0, split, sketch, encoder));
    List<RankedCandidate> ranking = CandidateListRound.selection(config, split, devices, maxWords).rank(fragments);

    // Significant words per short hash and position.
    Map<Integer, List<TreeSet<Integer>>> pieces = new TreeMap<>();
    List<RoundCandidate> rows = new ArrayList<>();
    int significant = 0;
    for (RankedCandidate r : ranking) {
      if (!r.selected()) {
        break;
      }
      significant++;
      int v = r.index();
      int position = encoder.position(v);
      int hash = encoder.hash(v);
      int token = encoder.token(v);
      pieces.computeIfAbsent(hash, h -> {
        List<TreeSet<Integer>> perPosition = new ArrayList<>();
        for (int l = 0; l < maxWords; l++) {
          perPosition.add(new TreeSet<>());
        }
        return perPosition;
      }).get(position).add(token);
      String word = token == vocabulary.end() ? "" : vocabulary.word(token);
      rows.add(new RoundCandidate(1, "fragments", word, token == vocabulary.end(), position, hash, r.estimate(),
          r.stdError(), r.ciLow(), r.ciHigh(), r.pValue(), true, "fragment"));
    }
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<int[]> reconstructed = new ArrayList<>();
    int overflow = 0;
    for (Map.Entry<Integer, List<TreeSet<Integer>>> e : pieces.entrySet()) {
      List<int[]> joined = new ArrayList<>();
      boolean complete = join(e.getValue(), new int[maxWords + 1], 0, vocabulary.end(), config.maxCandidatesPerHash(),
          joined);
      overflow += complete ? 0 : 1;
      for (int[] c : joined) {
        if (encoder.shortHash(vocabulary.text(c)) == e.getKey() && seen.add(PromptVocabulary.key(c, c.length))) {
          reconstructed.add(c);
        }
      }
    }
    double fragmentSeconds = (System.nanoTime() - start) / 1e9;
    RoundSummary first = new RoundSummary(1, "fragments", 0, split, sketch, 1, (int) encoder.domainSize(),
        significant, reconstructed.size(), overflow, 0, fragmentSeconds);
    channel.completed(first);
    List<RoundSummary> summaries = new ArrayList<>(List.of(first));
    List<DiscoveredString> found = new ArrayList<>();
    if (!reconstructed.isEmpty()) {
      long t = System.nanoTime();
      CandidateListRound.Outcome out = CandidateListRound.run(channel, "scoring", 2, split, devices,
          config.epsilonOf(2, 2), reconstructed, maxWords + 1, maxWords + 1, vocabulary, config, devices);
      int selected = 0;
      for (RankedCandidate r : out.ranking()) {
        if (out.padded() && r.index() == out.candidates().size() - 1) {
          continue;
        }
        int[] c = out.candidates().get(r.index());
        String text = vocabulary.text(c);
        if (r.selected()) {
          selected++;
          found.add(CandidateListRound.discovered(text, vocabulary.wordCount(c), 2, r, devices - split, devices));
        }
        rows.add(CandidateListRound.row(2, "scoring", text, true, r, r.selected() ? "discovered" : "pruned"));
      }
      RoundSummary second = new RoundSummary(2, "scoring", split, devices, out.oracle(), 0, reconstructed.size(),
          selected, 0, 0, selected, (System.nanoTime() - t) / 1e9);
      channel.completed(second);
      summaries.add(second);
    }
    return new DiscoveryResult(METHOD, CandidateListRound.ranked(found), rows, summaries);
  }

  /**
   * Depth-first joins of one significant word per position, closed under the end marker (after it, only end
   * markers, which must be significant too). Returns false if it stopped at {@code limit} joins.
   */
  static boolean join(List<TreeSet<Integer>> perPosition, int[] c, int at, int end, int limit, List<int[]> out) {
    int positions = perPosition.size();
    if (at == positions) {
      c[positions] = end;
      out.add(c.clone());
      return out.size() < limit;
    }
    boolean ended = at > 0 && c[at - 1] == end;
    for (int token : perPosition.get(at)) {
      if ((ended && token != end) || (at == 0 && token == end)) {
        continue;
      }
      c[at] = token;
      if (!join(perPosition, c, at + 1, end, limit, out)) {
        return false;
      }
    }
    return true;
  }
}
