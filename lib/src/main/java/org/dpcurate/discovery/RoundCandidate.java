package org.dpcurate.discovery;

/**
 * One candidate of a discovery round and what became of it.
 *
 * @param text the words (a prefix, a whole string, or an SFP fragment's word)
 * @param complete the candidate ends with the end marker: a whole string
 * @param position SFP fragment position, else -1
 * @param shortHash SFP fragment short hash, else -1
 * @param estimate unbiased count estimate among the round's cohort
 * @param status discovered, extended, pruned_cap (significant, beyond the prefix cap), pruned (not significant),
 *     fragment (a significant SFP fragment)
 */
public record RoundCandidate(int round, String stage, String text, boolean complete, int position, int shortHash,
    double estimate, double stdError, double ciLow, double ciHigh, double pValue, boolean selected,
    String status) {}
