package org.dpcurate.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * A round's curated training set: the round's estimated vote distribution over its pool. A selected candidate
 * weighs its own estimated share. The share left to the candidates that are not selected (under Norm-Sub, one minus
 * the selected shares: a total over many candidates, so far more precise than any one of their estimates) is split
 * evenly among them, since their own estimates cannot tell them apart. Members of weight 0 are left out: in a
 * noise-free round, every candidate nobody chose.
 */
public record CuratedSet(List<Member> members) {
  /** A ranked candidate and its training weight; the weights of a set sum to 1. */
  public record Member(RankedCandidate ranked, double weight) {}

  public CuratedSet {
    members = List.copyOf(members);
  }

  /** The curated set of {@code ranking}, its members in ranking order. */
  public static CuratedSet of(List<RankedCandidate> ranking) {
    double selectedShare = 0;
    double rest = 0;
    int unselected = 0;
    for (RankedCandidate r : ranking) {
      if (r.selected()) {
        selectedShare += Math.max(r.share(), 0);
      } else {
        rest += Math.max(r.share(), 0);
        unselected++;
      }
    }
    double total = selectedShare + rest;
    List<Member> members = new ArrayList<>();
    for (RankedCandidate r : ranking) {
      double w;
      if (total <= 0) {
        // Nothing has a positive share: every candidate is as likely as any other.
        w = 1.0 / ranking.size();
      } else {
        w = (r.selected() ? Math.max(r.share(), 0) : rest / unselected) / total;
      }
      if (w > 0) {
        members.add(new Member(r, w));
      }
    }
    return new CuratedSet(members);
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
