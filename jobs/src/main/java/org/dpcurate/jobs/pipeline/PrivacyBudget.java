package org.dpcurate.jobs.pipeline;

import java.time.LocalDate;
import org.dpcurate.accounting.PrivacyLedger;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.LedgerTable;

/** The budget check before a round: a round that would exceed the per-device budget is refused, nothing written. */
public final class PrivacyBudget {
  private PrivacyBudget() {}

  /**
   * The ledger entry of a round of {@code epsilon} on {@code ds}, reported by {@code cohort} (null: every device);
   * throws BUDGET_EXCEEDED when it is over the policy's budget.
   */
  public static PrivacyLedger.Entry check(CampaignRun run, LocalDate ds, double epsilon, LedgerTable.Cohort cohort,
      PrivacyPolicy policy) {
    PrivacyLedger.Entry e = policy.ledger().account(ds, epsilon, cohort == null ? null : cohort.label(),
        LedgerTable.spends(run.warehouse(), run.campaign()));
    if (!e.withinBudget()) {
      throw new JobException(ExitCode.BUDGET_EXCEEDED, String.format(
          "campaign %s on %s would spend eps=%s per device%s, %s in total over %s..%s, above the per-device budget "
              + "%s per %d days; the round was not run", run.campaign(), ds, epsilon,
          cohort == null ? "" : " of cohort " + cohort.label(), e.cumulativeEpsilon(), e.windowStart(), ds,
          policy.budgetEpsilon(), policy.periodDays()));
    }
    return e;
  }
}
