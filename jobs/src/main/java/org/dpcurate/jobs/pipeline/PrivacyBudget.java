package org.dpcurate.jobs.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.dpcurate.accounting.Accounting;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.accounting.RoundCharge;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.LedgerTable;
import org.dpcurate.jobs.warehouse.FleetLock;
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
    double charged = charge.charged();
    List<PrivacyLedger.Spend> spends = LedgerTable.spends(run.warehouse(), policy.fleet());
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

  /** Checks again and commits the round's ledger row, holding the fleet's lock; returns the committed entry. */
  public static PrivacyLedger.Entry commit(CampaignRun run, LocalDate ds, PublishedConfig published, long devices,
      LedgerTable.Cohort cohort, Accounting accounting) {
    try (FleetLock lock = FleetLock.acquire(run.warehouse(), accounting.policy().fleet(),
        accounting.lockWaitSeconds())) {
      RoundCharge charge = accounting.charge(published.oracle().epsilon(), published.samplingRate(), devices);
      PrivacyLedger.Entry e = check(run, ds, charge, cohort, accounting);
      LedgerTable.write(run.warehouse(), run.campaign(), ds, published, devices, e, charge, accounting, cohort);
      return e;
    }
  }
}
