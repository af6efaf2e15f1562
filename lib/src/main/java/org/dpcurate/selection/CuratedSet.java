package org.dpcurate.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpcurate.embedding.NearDuplicateIndex;

/**
 * A round's curated training set: the round's estimated vote distribution over its pool. A selected candidate
 * weighs its own estimated share. The share left to the candidates that are not selected (under Norm-Sub, one minus
 * the selected shares: a total over many candidates, so far more precise than any one of their estimates) is split
 * evenly among them, since their own estimates cannot tell them apart. Members of weight 0 are left out: in a
 * noise-free round, every candidate nobody chose.
 *
 * <p>As training data the set is {@link #withNearDuplicatesMerged merged}: refinement fills the pool with
 * variations of a few parents, many of them paraphrases of one another; a member that nearly duplicates a heavier
 * member of its label adds its weight to it instead of standing as another row, so the distribution is the same
 * while each row says something of its own.
 */
public record CuratedSet(List<Member> members) {
  /** The cosine similarity at and above which two members of a label say the same thing for training. */
  public static final double NEAR_DUPLICATE_SIMILARITY = 0.9;

  /**
   * The most rounds of flat votes a curated table pools by default ({@link #pooled}): a curate run's default
   * rounds; a nightly campaign pools at most this many of its latest nights.
   */
  public static final int DEFAULT_FLAT_ROUNDS = 5;

  /**
   * A ranked candidate, its training weight (the weights of a set sum to 1) and how many members of the set it
   * stands for (itself included: 1 unless near-duplicates were merged into it).
   */
  public record Member(RankedCandidate ranked, double weight, int represents) {
    public Member(RankedCandidate ranked, double weight) {
      this(ranked, weight, 1);
    }
  }

  public CuratedSet {
    members = List.copyOf(members);
  }

  /** The curated set of {@code ranking}, its members in ranking order. */
  public static CuratedSet of(List<RankedCandidate> ranking) {
    return of(ranking, null);
  }

  /**
   * The curated set of a label-conditional {@code ranking}: the share left to the candidates that are not selected is
   * split evenly within each label, each label's unselected candidates sharing what they hold together. A device
   * votes among its own label's candidates only, so that total is the label's devices' votes the selection does not
   * explain; one split over all labels would give every label the same part of it, whatever its devices' share.
   *
   * @param labelByIndex labels by candidate index (the ranking's {@code index}), or null: one split over all
   */
  public static CuratedSet of(List<RankedCandidate> ranking, String[] labelByIndex) {
    double selectedShare = 0;
    // Per label (one entry, under null, without labels): the unselected candidates' shares summed, and their count.
    Map<String, double[]> rest = new HashMap<>();
    for (RankedCandidate r : ranking) {
      if (r.selected()) {
        selectedShare += Math.max(r.share(), 0);
      } else {
        double[] group = rest.computeIfAbsent(labelOf(r, labelByIndex), k -> new double[2]);
        group[0] += Math.max(r.share(), 0);
        group[1]++;
      }
    }
    double total = selectedShare;
    for (double[] group : rest.values()) {
      total += group[0];
    }
    List<Member> members = new ArrayList<>();
    for (RankedCandidate r : ranking) {
      double w;
      if (total <= 0) {
        // Nothing has a positive share: every candidate is as likely as any other.
        w = 1.0 / ranking.size();
      } else if (r.selected()) {
        w = Math.max(r.share(), 0) / total;
      } else {
        double[] group = rest.get(labelOf(r, labelByIndex));
        w = group[0] / group[1] / total;
      }
      if (w > 0) {
        members.add(new Member(r, w));
      }
    }
    return new CuratedSet(members);
  }

  /**
   * The curated sets of several rounds pooled into one: each round's members at 1/n of their weight, their ranking
   * indices shifted to the rounds' pools laid end to end (round i's pool starting at {@code offsets[i]}). Under flat
   * votes a round's set is a coarse estimate of the devices' distribution over a pool that is half new each round;
   * the rounds' sets estimate the same distribution over different pools, and pooled they cover more of it. Merge
   * near-duplicates afterwards: a candidate that survived several rounds is then one row.
   */
  public static CuratedSet pooled(List<CuratedSet> rounds, int[] offsets) {
    if (rounds.isEmpty() || offsets.length != rounds.size()) {
      throw new IllegalArgumentException("need one offset a round and at least one round, got " + rounds.size()
          + " rounds and " + offsets.length + " offsets");
    }
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      for (Member m : rounds.get(i).members()) {
        members.add(new Member(m.ranked().withIndex(m.ranked().index() + offsets[i]),
            m.weight() / rounds.size(), m.represents()));
      }
    }
    return new CuratedSet(members);
  }

  private static String labelOf(RankedCandidate r, String[] labelByIndex) {
    return labelByIndex == null ? null : labelByIndex[r.index()];
  }

  /**
   * The set with near-duplicates merged: in order of weight (heaviest first, then ranking order), a member whose
   * embedding has cosine at least {@code minSimilarity} with an already kept member of the same label adds its
   * weight to the most similar one and leaves the set. The kept members stay in ranking order; weights still sum
   * to 1.
   *
   * @param embeddingByIndex unit embeddings by candidate index (the ranking's {@code index})
   * @param labelByIndex labels by candidate index, or null when the candidates have none
   */
  public CuratedSet withNearDuplicatesMerged(float[][] embeddingByIndex, String[] labelByIndex,
      double minSimilarity) {
    Integer[] byWeight = new Integer[members.size()];
    for (int i = 0; i < byWeight.length; i++) {
      byWeight[i] = i;
    }
    java.util.Arrays.sort(byWeight, (a, b) -> {
      int c = Double.compare(members.get(b).weight(), members.get(a).weight());
      return c != 0 ? c : Integer.compare(a, b);
    });
    double[] weight = new double[members.size()];
    int[] represents = new int[members.size()];
    NearDuplicateIndex kept = null;
    List<Integer> keptMember = new ArrayList<>();
    for (int i : byWeight) {
      Member m = members.get(i);
      float[] e = embeddingByIndex[m.ranked().index()];
      String label = labelByIndex == null ? null : labelByIndex[m.ranked().index()];
      if (kept == null) {
        kept = new NearDuplicateIndex(e.length);
      }
      int entry = kept.mostSimilar(label, e, minSimilarity);
      int into;
      if (entry < 0) {
        kept.add(label, e);
        keptMember.add(i);
        into = i;
      } else {
        into = keptMember.get(entry);
      }
      weight[into] += m.weight();
      represents[into] += m.represents();
    }
    List<Member> merged = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (represents[i] > 0) {
        merged.add(new Member(members.get(i).ranked(), weight[i], represents[i]));
      }
    }
    return new CuratedSet(merged);
  }

  /** The members' training weights, in member order. */
  public double[] weights() {
    return members.stream().mapToDouble(Member::weight).toArray();
  }

  /** The members' entries of {@code pool} (indexed as the ranking's candidates), in member order. */
  public <T> List<T> pick(List<T> pool) {
    return members.stream().map(m -> pool.get(m.ranked().index())).toList();
  }
}
