package org.dpcurate.refinement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.dpcurate.embedding.NearDuplicateIndex;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.CandidateSource;

/**
 * Private-Evolution-style refinement: the survivors (chosen by a {@link SurvivorPolicy}) carry over; each spawns
 * variations in proportion to a power of its estimated share; near-duplicates are dropped, a share of fresh
 * candidates keeps exploring, and the pool never exceeds its size. Lineage (parent id, generation) is kept on every
 * variation.
 */
public final class PoolRefiner {
  private static final int ATTEMPTS_PER_SLOT = 20;
  /** The most drafts a wave writes per missing variation, however few the last wave accepted. */
  private static final double MAX_DRAFTS_PER_SLOT = 4;

  private final RefinementConfig config;
  private final SurvivorPolicy survivorPolicy;
  private final VariationStrategy strategy;
  private final CandidateSource explorer;

  public PoolRefiner(RefinementConfig config, VariationStrategy strategy, CandidateSource explorer) {
    this.config = config;
    this.survivorPolicy = config.survivorPolicy();
    this.strategy = strategy;
    this.explorer = explorer;
  }

  /**
   * What refinement produced and what it asks of an external generator.
   *
   * @param selectedSurvivors how many survivors are selected candidates; the others are runners-up
   * @param unfilled per parent id, the variations allocated but not produced (all of them for a strategy that
   *     hands variation off to an external generator)
   * @param strayed drafts the strategy did not keep once embedded (too far from their parent)
   */
  public record Result(List<Candidate> pool, int survivors, int selectedSurvivors, int variations, int explored,
      int duplicatesDropped, Map<String, Integer> unfilled, int strayed) {

    public int runnersUp() {
      return survivors - selectedSurvivors;
    }
  }

  /** The pool of a round nothing was learned on: the same candidates run again in {@code nextRound}. */
  public static Result unchanged(List<Candidate> pool, int nextRound) {
    return new Result(pool.stream().map(c -> c.inRound(nextRound)).toList(), pool.size(), 0, 0, 0, 0, Map.of(), 0);
  }

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
   * before this strategy's variations. An empty ranking leaves the pool {@link #unchanged}.
   */
  public Result refine(List<Candidate> pool, List<RankedCandidate> ranking, int nextRound, List<Candidate> external,
      RandomGenerator rng) {
    if (ranking.isEmpty()) {
      return unchanged(pool, nextRound);
    }
    int size = config.poolSize();
    SurvivorPolicy.Survivors survivors = survivorPolicy.choose(ranking, size);
    NextPool next = new NextPool(size);
    for (RankedCandidate s : survivors.members()) {
      next.addIfNew(pool.get(s.index()).inRound(nextRound));
    }
    int survivorCount = next.size();
    for (Candidate c : external) {
      if (next.size() < size) {
        next.addIfNew(c.inRound(nextRound));
      }
    }
    List<Candidate> parents = survivors.members().stream().map(s -> pool.get(s.index())).toList();
    int explore = (int) Math.round(size * config.explorationShare(ranking));
    int[] quota = allocate(survivors.members(), size - next.size() - explore, config.quotaExponent());
    int[] made = new int[parents.size()];
    strategy.prepare(parents);
    int[] dropped = addVariations(parents, quota, made, nextRound, next, rng);
    Map<String, Integer> unfilled = new TreeMap<>();
    for (int p = 0; p < parents.size(); p++) {
      if (made[p] < quota[p]) {
        unfilled.put(parents.get(p).id(), quota[p] - made[p]);
      }
    }
    int explored = explore(nextRound, next, rng);
    return new Result(List.copyOf(next.members), survivorCount, survivors.selected(), Arrays.stream(made).sum(),
        explored, dropped[0], unfilled, dropped[1]);
  }

  /**
   * Drafts variations in waves until every parent has its quota or cannot give more: each parent short of its
   * quota drafts what it lacks (more, as the last wave's acceptance rate says are needed), the wave is embedded in
   * one batch, then drafts are accepted in order unless the strategy does not keep them, or they repeat an id or
   * nearly duplicate the pool so far.
   *
   * @return how many drafts were dropped as duplicates, and how many the strategy did not keep
   */
  private int[] addVariations(List<Candidate> parents, int[] quota, int[] made, int nextRound, NextPool next,
      RandomGenerator rng) {
    double strength = config.strength(nextRound);
    int[] tries = new int[parents.size()];
    boolean[] exhausted = new boolean[parents.size()];
    int duplicates = 0;
    int strayed = 0;
    double draftsPerSlot = 1;
    while (true) {
      List<Candidate> drafts = new ArrayList<>();
      List<Integer> draftParent = new ArrayList<>();
      for (int p = 0; p < parents.size(); p++) {
        int lacking = exhausted[p] ? 0 : Math.min((int) Math.ceil((quota[p] - made[p]) * draftsPerSlot),
            ATTEMPTS_PER_SLOT * quota[p] - tries[p]);
        for (int j = 0; j < lacking; j++) {
          Candidate child = strategy.vary(parents.get(p), nextRound, strength, rng);
          if (child == null) {
            exhausted[p] = true;
            break;
          }
          if (parents.get(p).label() != null) {
            // A variation stays in its parent's label pool, whatever the strategy wrote.
            child = child.withLabel(parents.get(p).label());
          }
          tries[p]++;
          drafts.add(child);
          draftParent.add(p);
        }
      }
      if (drafts.isEmpty()) {
        return new int[] {duplicates, strayed};
      }
      drafts = explorer.embedMissing(drafts);
      int accepted = 0;
      for (int d = 0; d < drafts.size(); d++) {
        Candidate child = drafts.get(d);
        int p = draftParent.get(d);
        if (made[p] >= quota[p]) {
          continue;
        }
        if (!strategy.keeps(parents.get(p), child)) {
          strayed++;
          continue;
        }
        if (next.ids.contains(child.id()) || nearDuplicate(child, next)) {
          duplicates++;
          continue;
        }
        next.addIfNew(child);
        made[p]++;
        accepted++;
      }
      draftsPerSlot = Math.min(MAX_DRAFTS_PER_SLOT, (double) drafts.size() / Math.max(accepted, 1));
    }
  }

  /**
   * Fills the rest of the pool with fresh draws from the explorer; returns how many were added. In a
   * label-conditional pool the fresh candidates go to the labels in turn.
   */
  private int explore(int nextRound, NextPool next, RandomGenerator rng) {
    List<Candidate> fresh = new ArrayList<>();
    int size = config.poolSize();
    List<String> labels = next.members.stream().map(Candidate::label).filter(java.util.Objects::nonNull).distinct()
        .sorted().toList();
    for (int draws = 0; next.size() + fresh.size() < size && draws < ATTEMPTS_PER_SLOT * size; draws++) {
      Candidate c = explorer.draw(nextRound, rng);
      if (!labels.isEmpty()) {
        c = c.withLabel(labels.get(fresh.size() % labels.size()));
      }
      if (next.ids.add(c.id())) {
        fresh.add(c);
      }
    }
    next.members.addAll(explorer.embedMissing(fresh));
    return fresh.size();
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

  private boolean nearDuplicate(Candidate child, NextPool next) {
    // The same text may serve two labels: only a near-duplicate within the child's own label is dropped.
    return config.duplicateSimilarity() < 1
        && next.similarity().mostSimilar(child.label(), child.embedding(), config.duplicateSimilarity()) >= 0;
  }

  /** The next pool under construction: its members in order and their ids. */
  private static final class NextPool {
    final List<Candidate> members;
    final Set<String> ids = new HashSet<>();
    /** The members' embeddings by label, indexed on demand (members without embeddings are fine until then). */
    private NearDuplicateIndex similarity;

    NextPool(int size) {
      members = new ArrayList<>(size);
    }

    int size() {
      return members.size();
    }

    void addIfNew(Candidate c) {
      if (ids.add(c.id())) {
        members.add(c);
      }
    }

    NearDuplicateIndex similarity() {
      for (int i = similarity == null ? 0 : similarity.size(); i < members.size(); i++) {
        Candidate c = members.get(i);
        if (similarity == null) {
          similarity = new NearDuplicateIndex(c.embedding().length);
        }
        similarity.add(c.label(), c.embedding());
      }
      return similarity;
    }
  }
}
