package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dpcurate.accounting.PrivacyPolicy;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.Parsers;
import org.dpcurate.jobs.runtime.Sessions;
import org.dpcurate.jobs.tables.DiscoveryRoundsTable;
import org.dpcurate.jobs.tables.QuarantineTable;
import org.dpcurate.jobs.tables.RankedTable;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.tables.RetentionLogTable;
import org.dpcurate.jobs.warehouse.Partitions;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the report and quarantine partitions older than the policy's retention period, across campaigns, once the
 * date's ranking is committed (a curation ranking or a discovery round's candidates); rankings, ledger and manifests
 * stay. A partition whose ranking is missing is kept unless --force. Each run logs what it deleted.
 */
public final class RetentionJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  static final Option<LocalDate> AS_OF = Option.optional("as-of", "YYYY-MM-DD",
      "the date retention counts back from (partitions of dates before as-of - retention.days go)", "today (UTC)",
      Parsers.date());
  static final Option<Boolean> FORCE = Option.flag("force",
      "also delete expired partitions whose ranking is missing (their reports were never estimated)");
  static final Option<Boolean> DRY_RUN = Option.flag("dry-run", "list what would be deleted, delete nothing");

  public static void main(String[] args) {
    JobRunner.main(new RetentionJob(), args);
  }

  @Override
  public String name() {
    return "retention";
  }

  @Override
  public String summary() {
    return "delete report and quarantine partitions past the policy's retention period once ranked";
  }

  @Override
  public List<Option<?>> options() {
    return List.of(CommonOptions.WAREHOUSE, CommonOptions.POLICY, AS_OF, FORCE, DRY_RUN);
  }

  @Override
  public void run(Cli cli) {
    PrivacyPolicy policy = CommonOptions.policy(cli);
    LocalDate asOf = cli.get(AS_OF) == null ? LocalDate.now(java.time.ZoneOffset.UTC) : cli.get(AS_OF);
    LocalDate cutoff = asOf.minusDays(policy.retentionDays());
    boolean force = cli.get(FORCE);
    boolean dryRun = cli.get(DRY_RUN);
    Warehouse w = new Warehouse(cli.get(CommonOptions.WAREHOUSE), Sessions.getOrCreate("dpcurate-retention"));
    Map<String, List<RetentionLogTable.Deletion>> byCampaign = new TreeMap<>();
    int kept = 0;
    for (String table : List.of(ReportTable.NAME, QuarantineTable.NAME)) {
      for (Partitions.PartitionRef p : Partitions.all(w, table)) {
        if (!p.ds().isBefore(cutoff)) {
          continue;
        }
        boolean ranked = w.isCommitted(w.partition(RankedTable.NAME, p.campaign(), p.ds()))
            || w.isCommitted(w.partition(DiscoveryRoundsTable.NAME, p.campaign(), p.ds()));
        if (!ranked && !force) {
          LOG.warn("keeping {}: past retention but its date was never ranked (--force deletes it)", p.path());
          kept++;
          continue;
        }
        String reason = "older than " + policy.retentionDays() + " days as of " + asOf
            + (ranked ? "" : "; never ranked, deleted by --force");
        LOG.info("{}{}: {}", dryRun ? "would delete " : "deleting ", p.path(), reason);
        if (!dryRun) {
          w.delete(p.path());
        }
        byCampaign.computeIfAbsent(p.campaign(), c -> new ArrayList<>())
            .add(new RetentionLogTable.Deletion(table, p.ds(), p.path(), !ranked, reason));
      }
    }
    if (!dryRun) {
      byCampaign.forEach((campaign, deletions) -> RetentionLogTable.write(w, campaign, asOf, deletions,
          policy.hash(), policy.retentionDays()));
    }
    int deleted = byCampaign.values().stream().mapToInt(List::size).sum();
    System.out.printf("retention %s %s: %d partitions %s (before %s), %d expired but never ranked kept%n", asOf,
        dryRun ? "dry run" : "ok", deleted, dryRun ? "would be deleted" : "deleted", cutoff, kept);
  }
}
