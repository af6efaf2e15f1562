package org.dpcurate.refinement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.dpcurate.embedding.Vectors;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.CandidateGenerator;

/**
 * Private-Evolution-style refinement: the selected candidates survive, and so do the runners-up with a positive
 * estimate, up to a share of the pool; each survivor spawns variations in proportion to a power of its estimated
 * share; near-duplicates are dropped, a share of fresh candidates keeps exploring, and the pool never exceeds its
 * size. Lineage (parent id, generation) is kept on every variation.
 *
 * <p>Why runners-up: selection decides what is published as significantly popular, which at eps = 2 is the few
 * dozen candidates above ~0.3% of the votes. Refinement is a search, and a candidate a noisy estimate ranks high
 * is more likely chosen than not; dropping it loses the part of the private distribution it covers (the long tail),
 * while keeping it costs one slot. Private Evolution likewise draws parents from the noisy histogram itself.
 */
public final class PoolRefiner {
  private static final int ATTEMPTS_PER_SLOT = 20;
  /** The most drafts a wave writes per missing variation, however few the last wave accepted. */
  private static final double MAX_DRAFTS_PER_SLOT = 4;

  private final RefinementConfig config;
  private final VariationStrategy strategy;
  private final CandidateGenerator explorer;

  public PoolRefiner(RefinementConfig config, VariationStrategy strategy, CandidateGenerator explorer) {
    this.config = config;
    this.strategy = strategy;
    this.explorer = explorer;
  }

  /** What refinement produced and what it asks of an external generator. */
  /**
   * @param unfilled per parent id, the variations allocated but not produced (all of them for a strategy that
   *     hands variation off to an external generator)
   */
  public record Result(List<Candidate> pool, int survivors, int variations, int explored, int duplicatesDropped,
      java.util.Map<String, Integer> unfilled) {}

  /**
   * @param pool the round's candidates, in published (index) order
   * @param ranking the round's ranking over that pool
   * @param nextRound the round the new pool is for
   */
  public Result refine(List<Candidate> pool, List<RankedCandidate> ranking, int nextRound, RandomGenerator rng) {
    return refine(pool, ranking, nextRound, List.of(), rng);
  }

  /**
   * As above, with {@code external} candidates (from an external generator) placed after the survivors and
   * before this strategy's variations.
   */
  public Result refine(List<Candidate> pool, List<RankedCandidate> ranking, int nextRound, List<Candidate> external,
      RandomGenerator rng) {
    int size = config.poolSize();
    int maxSurvivors = Math.max(1, (int) (size * config.maxSurvivorShare()));
    List<RankedCandidate> winners = Stream.concat(
        ranking.stream().filter(RankedCandidate::selected),
        ranking.stream().filter(r -> !r.selected() && r.estimate() > 0)).limit(maxSurvivors).toList();
    if (winners.isEmpty()) {
      // No estimate is positive: keep the best few anyway so the search still moves.
      winners = ranking.stream().limit(Math.max(1, size / 20)).toList();
    }
    List<Candidate> next = new ArrayList<>(size);
    Set<String> ids = new HashSet<>();
    for (RankedCandidate w : winners) {
      Candidate c = pool.get(w.index()).inRound(nextRound);
      if (ids.add(c.id())) {
        next.add(c);
      }
    }
    int survivors = next.size();
    for (Candidate c : external) {
      if (next.size() < size && ids.add(c.id())) {
        next.add(c.inRound(nextRound));
      }
    }
    int explore = (int) Math.round(size * config.explorationShare());
    int[] quota = allocate(winners, size - next.size() - explore, config.quotaExponent());
    double strength = config.strength(nextRound);
    int[] made = new int[winners.size()];
    int[] tries = new int[winners.size()];
    boolean[] exhausted = new boolean[winners.size()];
    int variations = 0;
    int duplicates = 0;
    // Waves: every winner still short of its quota drafts the variations it lacks (more, as many as the last
    // wave's acceptance rate says are needed), the wave is embedded in one batch, then drafts are accepted in
    // order unless they repeat an id or nearly duplicate the pool so far.
    double draftsPerSlot = 1;
    while (true) {
      List<Candidate> drafts = new ArrayList<>();
      List<Integer> draftParent = new ArrayList<>();
      for (int w = 0; w < winners.size(); w++) {
        Candidate parent = pool.get(winners.get(w).index());
        int lacking = exhausted[w] ? 0 : Math.min((int) Math.ceil((quota[w] - made[w]) * draftsPerSlot),
            ATTEMPTS_PER_SLOT * quota[w] - tries[w]);
        for (int j = 0; j < lacking; j++) {
          Candidate child = strategy.vary(parent, nextRound, strength, rng);
          if (child == null) {
            exhausted[w] = true;
            break;
          }
          tries[w]++;
          drafts.add(child);
          draftParent.add(w);
        }
      }
      if (drafts.isEmpty()) {
        break;
      }
      drafts = explorer.embedMissing(drafts);
      int accepted = 0;
      for (int d = 0; d < drafts.size(); d++) {
        Candidate child = drafts.get(d);
        int w = draftParent.get(d);
        if (made[w] >= quota[w]) {
          continue;
        }
        if (ids.contains(child.id()) || nearDuplicate(child, next)) {
          duplicates++;
          continue;
        }
        ids.add(child.id());
        next.add(child);
        made[w]++;
        variations++;
        accepted++;
      }
      draftsPerSlot = Math.min(MAX_DRAFTS_PER_SLOT, (double) drafts.size() / Math.max(accepted, 1));
    }
    java.util.Map<String, Integer> unfilled = new java.util.TreeMap<>();
    for (int w = 0; w < winners.size(); w++) {
      if (made[w] < quota[w]) {
        unfilled.put(pool.get(winners.get(w).index()).id(), quota[w] - made[w]);
      }
    }
    int explored = 0;
    List<Candidate> fresh = new ArrayList<>();
    for (int draws = 0; next.size() + fresh.size() < size && draws < ATTEMPTS_PER_SLOT * size; draws++) {
      Candidate c = explorer.draw(nextRound, rng);
      if (ids.add(c.id())) {
        fresh.add(c);
        explored++;
      }
    }
    next.addAll(explorer.embedMissing(fresh));
    return new Result(List.copyOf(next), survivors, variations, explored, duplicates, unfilled);
  }

  /** Largest-remainder allocation of {@code slots} in proportion to max(share, 0)^exponent (equal if all are 0). */
  static int[] allocate(List<RankedCandidate> winners, int slots, double exponent) {
    int n = winners.size();
    int[] quota = new int[n];
    if (n == 0 || slots <= 0) {
      return quota;
    }
    double[] power = winners.stream().mapToDouble(w -> Math.pow(Math.max(w.share(), 0), exponent)).toArray();
    double total = Arrays.stream(power).sum();
    double[] exact = new double[n];
    int given = 0;
    for (int i = 0; i < n; i++) {
      double weight = total > 0 ? power[i] / total : 1.0 / n;
      exact[i] = weight * slots;
      quota[i] = (int) Math.floor(exact[i]);
      given += quota[i];
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int byRemainder = Double.compare(exact[b] - quota[b], exact[a] - quota[a]);
      return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
    });
    for (int i = 0; given < slots; i = (i + 1) % n) {
      quota[order[i]]++;
      given++;
    }
    return quota;
  }

  private boolean nearDuplicate(Candidate child, List<Candidate> pool) {
    if (config.duplicateSimilarity() >= 1) {
      return false;
    }
    for (Candidate c : pool) {
      if (Vectors.dot(child.embedding(), c.embedding()) >= config.duplicateSimilarity()) {
        return true;
      }
    }
    return false;
  }
}
