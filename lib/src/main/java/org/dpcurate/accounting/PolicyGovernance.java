package org.dpcurate.accounting;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules that keep a fleet's policy governed (docs/privacy.md "Governance"): what a run may account under, given
 * the policies the fleet's ledger was already written under.
 * <ul>
 *   <li>A policy version names one content: a file whose SHA-256 differs from the one recorded under the same
 *       {@code policy.version} is refused ({@link Verdict#CHANGED}).</li>
 *   <li>Versions only go up: a version below the newest recorded one is refused ({@link Verdict#OLDER}).</li>
 *   <li>The built-in default never replaces a policy file the ledger was written under ({@link Verdict#BUILT_IN}).</li>
 *   <li>A new version that loosens the newest recorded one (a larger budget, a shorter period, or sampled charges
 *       where they were worst case) needs the run's recorded override ({@link Verdict#LOOSER}).</li>
 * </ul>
 */
public final class PolicyGovernance {
  private PolicyGovernance() {}

  /** A policy the fleet's ledger was written under: its version, its hash, and its content when known. */
  public record Recorded(String version, String hash, PrivacyPolicy content) {}

  /** The outcome of a check; {@link #ACCEPTED} and {@link #NEW_VERSION} let the run go on. */
  public enum Verdict {
    ACCEPTED, NEW_VERSION, CHANGED, OLDER, BUILT_IN, LOOSER
  }

  /** A verdict and the message that explains it (naming versions and hashes). */
  public record Decision(Verdict verdict, String message) {
    public boolean allowed() {
      return verdict == Verdict.ACCEPTED || verdict == Verdict.NEW_VERSION;
    }
  }

  /** Orders versions by their numbers where both are numbers, else by text ("9" < "10", "v2" < "v3"). */
  private static final Comparator<String> VERSION_ORDER = PolicyGovernance::compareVersions;

  /**
   * Whether {@code proposed} may account a round of its fleet, whose ledger was written under {@code recorded}
   * (in any order; the built-in policy appears with hash "built-in").
   */
  public static Decision check(PrivacyPolicy proposed, List<Recorded> recorded, boolean override) {
    String fleet = proposed.fleet();
    for (Recorded r : recorded) {
      if (r.version().equals(proposed.version()) && !r.hash().equals(proposed.hash())) {
        return new Decision(Verdict.CHANGED, "fleet " + fleet + "'s ledger was written under policy version "
            + r.version() + " with SHA-256 " + r.hash() + ", but this policy file says the same version with SHA-256 "
            + proposed.hash() + ": a changed policy needs a new policy.version");
      }
    }
    List<Recorded> files = recorded.stream().filter(r -> !isBuiltIn(r.hash())).toList();
    if (isBuiltIn(proposed.hash()) && !files.isEmpty()) {
      Recorded newest = newest(files).orElseThrow();
      return new Decision(Verdict.BUILT_IN, "fleet " + fleet + "'s ledger was written under policy version "
          + newest.version() + " (SHA-256 " + newest.hash() + "); the built-in default cannot replace it: pass "
          + "--policy with the fleet's policy file (or deploy it as conf/privacy-policy.properties)");
    }
    Optional<Recorded> newest = newest(files);
    if (newest.isPresent() && !isBuiltIn(proposed.hash())
        && compareVersions(proposed.version(), newest.get().version()) < 0) {
      return new Decision(Verdict.OLDER, "policy version " + proposed.version() + " is older than version "
          + newest.get().version() + " (SHA-256 " + newest.get().hash() + "), which fleet " + fleet
          + "'s ledger was already written under: policy versions only go up");
    }
    if (recorded.stream().anyMatch(r -> r.version().equals(proposed.version()))) {
      return new Decision(Verdict.ACCEPTED, "policy version " + proposed.version() + " as recorded");
    }
    Recorded previous = newest.orElseGet(() -> recorded.stream().filter(r -> isBuiltIn(r.hash())).findFirst()
        .orElse(null));
    if (previous != null && previous.content() != null) {
      String looser = loosening(previous.content(), proposed);
      if (looser != null && !override) {
        return new Decision(Verdict.LOOSER, "policy version " + proposed.version() + " loosens version "
            + previous.version() + " (" + looser + "): a looser policy needs --override-budget, which is logged and "
            + "recorded in the ledger");
      }
      if (looser != null) {
        return new Decision(Verdict.NEW_VERSION, "policy version " + proposed.version() + " loosens version "
            + previous.version() + " (" + looser + ") under a recorded override");
      }
    }
    return new Decision(Verdict.NEW_VERSION, "policy version " + proposed.version() + " is new for fleet " + fleet
        + (previous == null ? "" : " (after version " + previous.version() + ")"));
  }

  /** What {@code next} loosens relative to {@code previous}, or null if nothing. */
  static String loosening(PrivacyPolicy previous, PrivacyPolicy next) {
    if (next.budgetEpsilon() > previous.budgetEpsilon()) {
      return "budget.epsilon " + previous.budgetEpsilon() + " -> " + next.budgetEpsilon();
    }
    if (next.periodDays() < previous.periodDays()) {
      return "budget.period.days " + previous.periodDays() + " -> " + next.periodDays();
    }
    if (previous.chargeRule() == ChargeRule.WORST_CASE && next.chargeRule() != ChargeRule.WORST_CASE) {
      return "accounting " + previous.chargeRule().key() + " -> " + next.chargeRule().key();
    }
    return null;
  }

  private static boolean isBuiltIn(String hash) {
    return PrivacyPolicy.defaults().hash().equals(hash);
  }

  private static Optional<Recorded> newest(List<Recorded> recorded) {
    return recorded.stream().max(Comparator.comparing(Recorded::version, VERSION_ORDER));
  }

  private static int compareVersions(String a, String b) {
    try {
      return new java.math.BigDecimal(a.trim()).compareTo(new java.math.BigDecimal(b.trim()));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }
}
