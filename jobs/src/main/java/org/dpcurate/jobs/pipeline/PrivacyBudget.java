package org.dpcurate.jobs.pipeline;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.accounting.PolicyGovernance;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.accounting.RoundCharge;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.LedgerTable;
import org.dpcurate.jobs.warehouse.FleetLock;
import org.dpcurate.jobs.warehouse.PolicyRegistry;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-device budget of a round, against every campaign of the fleet. {@link #check} refuses early, before
 * anything of the round is read; {@link #commit} checks again and commits the ledger row under the fleet's lock,
 * before anything of the round is published, so a ranking never exists without its ledger row and two runs cannot
 * both take the last of a budget.
 */
public final class PrivacyBudget {
  private static final Logger LOG = LoggerFactory.getLogger(PrivacyBudget.class);

  private PrivacyBudget() {}

  /**
   * The ledger entry of {@code run}'s round on {@code ds} reported by {@code cohort} (null: every device of the
   * campaign); throws BUDGET_EXCEEDED, naming the campaigns that used the budget, when it is over.
   */
  public static PrivacyLedger.Entry check(CampaignRun run, LocalDate ds, double eps, double samplingRate,
      LedgerTable.Cohort cohort, Accounting accounting) {
    return check(run, ds, accounting.charge(eps, samplingRate, 0), cohort, accounting);
  }

  private static PrivacyLedger.Entry check(CampaignRun run, LocalDate ds, RoundCharge charge,
      LedgerTable.Cohort cohort, Accounting accounting) {
    PrivacyPolicy policy = accounting.policy();
    if (accounting.budgetOverride()) {
      LOG.warn("{} {}: the policy's budget is overridden for this run: {} per {} days (policy {} of fleet {})",
          run.campaign(), ds, policy.budgetEpsilon(), policy.periodDays(), policy.version(), policy.fleet());
    }
    LedgerTable.History history = LedgerTable.history(run.warehouse(), policy.fleet(), run.campaign());
    govern(run, policy, history, accounting.budgetOverride());
    double charged = charge.charged();
    List<PrivacyLedger.Spend> spends = history.spends();
    PrivacyLedger.Entry e = policy.ledger().account(run.campaign(), ds, charged,
        cohort == null ? null : cohort.label(), spends);
    if (!e.withinBudget()) {
      TreeSet<String> campaigns = new TreeSet<>();
      LocalDate end = e.windowStart().plusDays(policy.periodDays() - 1L);
      for (PrivacyLedger.Spend s : spends) {
        if (!s.ds().isBefore(e.windowStart()) && !s.ds().isAfter(end) && s.campaign() != null) {
          campaigns.add(s.campaign());
        }
      }
      throw new JobException(ExitCode.BUDGET_EXCEEDED, String.format(
          "campaign %s on %s would charge eps=%s per device%s, %s in total over %s..%s with the rounds of %s, "
              + "above fleet %s's per-device budget %s per %d days (policy %s); the round was not run",
          run.campaign(), ds, charged, cohort == null ? "" : " of cohort " + cohort.label(), e.cumulativeEpsilon(),
          e.windowStart(), end, campaigns.isEmpty() ? "no other campaign" : "campaigns " + campaigns, policy.fleet(),
          policy.budgetEpsilon(), policy.periodDays(), policy.version()));
    }
    return e;
  }

  /**
   * The policy may account this campaign's round only as governance allows (lib's {@link PolicyGovernance}): the
   * campaign stays in its fleet, a version keeps its content, versions only go up, the built-in default never
   * replaces a policy file, and a looser new version needs the recorded override.
   */
  private static void govern(CampaignRun run, PrivacyPolicy policy, LedgerTable.History history,
      boolean override) {
    if (!history.campaignsOtherFleets().isEmpty()) {
      throw new JobException(ExitCode.MISSING_INPUT, "campaign " + run.campaign() + " has ledger rows under fleet "
          + history.campaignsOtherFleets() + ", not " + policy.fleet() + ": its devices' earlier rounds would not "
          + "count in fleet " + policy.fleet() + "; account it under its fleet's policy, or run a new campaign");
    }
    Map<String, PrivacyPolicy> stored = new HashMap<>();
    PolicyRegistry.stored(run.warehouse(), policy.fleet()).forEach(p -> stored.put(p.hash(), p));
    stored.put(PrivacyPolicy.defaults().hash(), PrivacyPolicy.defaults());
    List<PolicyGovernance.Recorded> recorded = history.policyHashByVersion().entrySet().stream()
        .map(v -> new PolicyGovernance.Recorded(v.getKey(), v.getValue(), stored.get(v.getValue()))).toList();
    PolicyGovernance.Decision d = PolicyGovernance.check(policy, recorded, override);
    if (!d.allowed()) {
      throw new JobException(d.verdict() == PolicyGovernance.Verdict.LOOSER ? ExitCode.BUDGET_EXCEEDED
          : ExitCode.MISSING_INPUT, d.message());
    }
    if (d.verdict() == PolicyGovernance.Verdict.NEW_VERSION && !recorded.isEmpty()) {
      LOG.warn("{}: {}", run.campaign(), d.message());
    }
  }

  /** Checks again and commits the round's ledger row, holding the fleet's lock; returns the committed entry. */
  public static PrivacyLedger.Entry commit(CampaignRun run, LocalDate ds, PublishedConfig published, long devices,
      LedgerTable.Cohort cohort, Accounting accounting) {
    try (FleetLock lock = FleetLock.acquire(run.warehouse(), accounting.policy().fleet(),
        accounting.lockWaitSeconds())) {
      RoundCharge charge = accounting.charge(published.oracle().epsilon(), published.samplingRate(), devices);
      PrivacyLedger.Entry e = check(run, ds, charge, cohort, accounting);
      PolicyRegistry.store(run.warehouse(), accounting.policy().fleet(), accounting.policy());
      LedgerTable.write(run.warehouse(), run.campaign(), ds, published, devices, e, charge, accounting, cohort);
      return e;
    }
  }
}
