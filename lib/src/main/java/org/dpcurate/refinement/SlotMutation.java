package org.dpcurate.refinement;

import java.util.random.RandomGenerator;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.CandidateGenerator;
import org.dpcurate.synthesis.MessageSpec;
import org.dpcurate.synthesis.Taxonomy;

/**
 * Mutates the slots of a structured candidate: the subject within its topic ("tennis" -> "soccer"), the topic
 * to a sibling of the same family, language, length, tone, place, time or counterpart. Each slot changes with
 * probability strength/2, and at least one always does, so strong early rounds jump far and late rounds make
 * single-slot steps. Candidates without a spec are left to other strategies.
 */
public final class SlotMutation implements VariationStrategy {
  /** Relative chance of each slot being the one forced to change. */
  private static final int[] SLOT_WEIGHTS = {3, 1, 1, 1, 1, 1, 1, 1};
  private static final int SLOTS = SLOT_WEIGHTS.length;

  private final CandidateGenerator generator;

  public SlotMutation(CandidateGenerator generator) {
    this.generator = generator;
  }

  @Override
  public Candidate vary(Candidate parent, int round, double strength, RandomGenerator rng) {
    MessageSpec s = parent.spec();
    if (s == null) {
      return null;
    }
    boolean[] change = new boolean[SLOTS];
    change[forcedSlot(rng)] = true;
    for (int i = 0; i < SLOTS; i++) {
      change[i] |= rng.nextDouble() < strength / 2;
    }
    int topic = s.topic();
    int subject = s.subject();
    if (change[1]) {
      int[] siblings = Taxonomy.siblings(topic);
      topic = siblings[rng.nextInt(siblings.length)];
      subject = rng.nextInt(Taxonomy.SUBJECTS);
    }
    if (change[0]) {
      subject = other(subject, Taxonomy.SUBJECTS, rng);
    }
    int language = change[2] ? other(s.language(), Taxonomy.LANGUAGES.size(), rng) : s.language();
    int length = change[3] ? other(s.length(), Taxonomy.LENGTHS.size(), rng) : s.length();
    int tone = change[4] ? other(s.tone(), Taxonomy.TONES.size(), rng) : s.tone();
    int place = s.place() < 0 || change[5] ? rng.nextInt(Taxonomy.PLACES) : s.place();
    int time = change[6] ? other(s.time(), Taxonomy.TIMES, rng) : s.time();
    int counterpart = s.counterpart() < 0 || change[7] ? rng.nextInt(Taxonomy.COUNTERPARTS) : s.counterpart();
    MessageSpec child = new MessageSpec(topic, subject, language, length, tone, place, time, counterpart);
    return generator.fromSpec(child, round, parent.id(), parent.generation() + 1);
  }

  private static int forcedSlot(RandomGenerator rng) {
    int total = 0;
    for (int w : SLOT_WEIGHTS) {
      total += w;
    }
    int u = rng.nextInt(total);
    for (int i = 0; i < SLOTS; i++) {
      u -= SLOT_WEIGHTS[i];
      if (u < 0) {
        return i;
      }
    }
    return 0;
  }

  private static int other(int current, int bound, RandomGenerator rng) {
    int r = rng.nextInt(bound - 1);
    return r >= current ? r + 1 : r;
  }
}
