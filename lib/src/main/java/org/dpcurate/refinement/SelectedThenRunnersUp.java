package org.dpcurate.refinement;

import java.util.List;
import java.util.stream.Stream;
import org.dpcurate.selection.RankedCandidate;

/**
 * The selected candidates survive, then the runners-up with a positive estimate in rank order, up to a share of
 * the pool. Selection decides what is published as significantly popular, which at eps = 2 is the few dozen
 * candidates above ~0.3% of the votes; a candidate a noisy estimate ranks high is more likely chosen than not, and
 * dropping it loses the part of the private distribution it covers (the long tail), while keeping it costs one
 * slot. Private Evolution likewise draws parents from the noisy histogram itself. When no estimate is positive the
 * best twentieth of the pool survives, so the search still moves.
 */
public final class SelectedThenRunnersUp implements SurvivorPolicy {
  private final double maxSurvivorShare;

  /** @param maxSurvivorShare at most this share of the pool survives, in (0, 1] */
  public SelectedThenRunnersUp(double maxSurvivorShare) {
    if (!(maxSurvivorShare > 0 && maxSurvivorShare <= 1)) {
      throw new IllegalArgumentException("maxSurvivorShare must be in (0, 1], got: " + maxSurvivorShare);
    }
    this.maxSurvivorShare = maxSurvivorShare;
  }

  @Override
  public Survivors choose(List<RankedCandidate> ranking, int poolSize) {
    int maxSurvivors = Math.max(1, (int) (poolSize * maxSurvivorShare));
    List<RankedCandidate> members = Stream.concat(
        ranking.stream().filter(RankedCandidate::selected),
        ranking.stream().filter(r -> !r.selected() && r.estimate() > 0)).limit(maxSurvivors).toList();
    if (members.isEmpty()) {
      members = ranking.stream().limit(Math.max(1, poolSize / 20)).toList();
    }
    return new Survivors(members, (int) members.stream().filter(RankedCandidate::selected).count());
  }
}
