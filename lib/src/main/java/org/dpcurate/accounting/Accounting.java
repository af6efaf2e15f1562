package org.dpcurate.accounting;

/**
 * How a run's rounds are accounted: the fleet's policy (budget, period, features, sampling), whether the run
 * loosened it (an explicit override, logged and recorded in every ledger row it writes), and whether
 * reports were shuffled before storage (then the ledger also records the amplified central bound with delta), and
 * how long a run waits for another's check-and-commit of the fleet's ledger.
 */
public record Accounting(PrivacyPolicy policy, boolean budgetOverride, boolean shuffled, double delta,
    int lockWaitSeconds) {
  /**
   * Every figure of a round of {@code epsilon} polling {@code samplingRate} of the devices, {@code reports} of
   * which reported (0 when not yet known: no central bound).
   */
  public RoundCharge charge(double epsilon, double samplingRate, long reports) {
    Double central = null;
    Double centralDelta = null;
    if (shuffled && reports > 0 && Double.isFinite(epsilon)) {
      central = ShuffleAmplification.centralEpsilon(epsilon, reports, delta);
      centralDelta = delta;
    }
    return new RoundCharge(epsilon, samplingRate, SamplingAmplification.epsilon(epsilon, samplingRate),
        policy.chargeRule().charged(epsilon, samplingRate), central, centralDelta);
  }

  /** The same accounting for another fleet (a simulated population is its own fleet). */
  public Accounting forFleet(String fleet) {
    return new Accounting(policy.forFleet(fleet), budgetOverride, shuffled, delta, lockWaitSeconds);
  }

  /** The same accounting with an unlimited budget: the non-private reference of a simulation. */
  public Accounting unlimited() {
    return new Accounting(policy.withBudget(Double.POSITIVE_INFINITY), true, shuffled, delta, lockWaitSeconds);
  }
}
