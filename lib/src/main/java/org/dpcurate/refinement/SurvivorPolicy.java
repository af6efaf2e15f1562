package org.dpcurate.refinement;

import java.util.List;
import org.dpcurate.selection.RankedCandidate;

/**
 * Which of a round's ranked candidates carry over into the next pool and parent its variations. Refinement is a
 * search: the rule decides where it starts from, independent of how variations are drafted and placed.
 */
public interface SurvivorPolicy {

  /**
   * @param ranking the round's ranking, in rank order (not empty)
   * @param poolSize the next pool's size
   * @return the survivors, in the order they enter the next pool
   */
  Survivors choose(List<RankedCandidate> ranking, int poolSize);

  /**
   * A round's survivors.
   *
   * @param members the surviving rows, in pool order
   * @param selected how many of them are selected (they come first); the others are runners-up
   */
  record Survivors(List<RankedCandidate> members, int selected) {
    public Survivors {
      members = List.copyOf(members);
    }

    public int runnersUp() {
      return members.size() - selected;
    }
  }
}
