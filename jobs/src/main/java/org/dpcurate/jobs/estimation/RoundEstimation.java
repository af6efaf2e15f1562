package org.dpcurate.jobs.estimation;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dpcurate.client.SegmentLayout;
import org.dpcurate.estimation.Decoding;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.FrequencyEstimator;
import org.dpcurate.estimation.SegmentedEstimates;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.QuarantineTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.FrequencyOracle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A date's reports to estimates: read the partition ({@link ReportSource}), validate and aggregate every row
 * against the published config with the exactly-once check on report ids ({@link ReportAggregation},
 * {@link DuplicateReports}), commit the quarantine, enforce the rejection limit, decode.
 */
public final class RoundEstimation {
  private static final Logger LOG = LoggerFactory.getLogger(RoundEstimation.class);

  private final Warehouse w;
  private final String campaign;
  private final double maxRejectedShare;
  private final boolean checkDuplicates;
  private final Decoding decoding;

  /**
   * @param maxRejectedShare above this share of quarantined reports the date fails (exit 4)
   * @param checkDuplicates whether each report_id counts once (else the ingestion is trusted to deliver it once)
   */
  public RoundEstimation(Warehouse w, String campaign, double maxRejectedShare, boolean checkDuplicates,
      Decoding decoding) {
    this.w = w;
    this.campaign = campaign;
    this.maxRejectedShare = maxRejectedShare;
    this.checkDuplicates = checkDuplicates;
    this.decoding = decoding;
  }

  /** Estimates an unsegmented round (every device downloaded the whole pool). */
  public EstimationResult run(LocalDate ds, PublishedConfig published) {
    if (published.segmented()) {
      throw new IllegalArgumentException("a segmented round needs its candidate count");
    }
    return run(ds, published, published.oracle().domainSize());
  }

  /**
   * Estimates a round of {@code candidates} published candidates; a segmented round's estimates are put on one
   * scale by {@link SegmentedEstimates}.
   */
  public EstimationResult run(LocalDate ds, PublishedConfig published, int candidates) {
    long start = System.nanoTime();
    ReportSource source = ReportSource.open(w, campaign, ds, published);
    FrequencyOracle frequencyOracle = FrequencyOracle.of(published.oracle());
    Broadcast<FrequencyOracle> oracle =
        JavaSparkContext.fromSparkContext(w.spark().sparkContext()).broadcast(frequencyOracle);
    double epsilon = published.oracle().epsilon();
    try {
      ReportAggregation aggregation = new ReportAggregation(oracle, epsilon, published.segments());
      Dataset<Row> counted = source.reports();
      DuplicateReports duplicates = null;
      PartialAggregate total;
      if (checkDuplicates) {
        ReportAggregation.WithRepeatedIds pass = source.reading(
            () -> aggregation.aggregateAndFindRepeatedIds(source.reports()));
        total = pass.total();
        if (!pass.repeatedHashes().isEmpty()) {
          LOG.info("{} {}: {} report_id hashes repeat; aggregating the de-duplicated reports again", campaign, ds,
              pass.repeatedHashes().size());
          duplicates = DuplicateReports.split(source.reports(), pass.repeatedHashes());
          counted = duplicates.counted();
          Dataset<Row> deduplicated = counted;
          total = source.reading(() -> aggregation.aggregate(deduplicated));
          DuplicateReports found = duplicates;
          long extras = source.reading(() -> found.extras().count());
          if (extras > 0) {
            total.addRejected(Rejection.DUPLICATE_REPORT_ID, extras);
          }
        }
      } else {
        Dataset<Row> all = counted;
        total = source.reading(() -> aggregation.aggregate(all));
      }
      long accepted = total.accepted();
      long quarantined = total.read() - accepted;
      double seconds = Timing.seconds(start);
      LOG.info("{} {}: read {} reports, accepted {}, quarantined {} {} in {}", campaign, ds, total.read(), accepted,
          quarantined, total.rejectedByReason(), Timing.since(start));

      commitQuarantine(ds, published, source, total, quarantined == 0 ? null
          : QuarantineRows.of(counted, oracle, epsilon, duplicates == null ? null : duplicates.extras()));
      double share = total.read() == 0 ? 0 : (double) quarantined / total.read();
      if (share > maxRejectedShare) {
        throw new JobException(ExitCode.VALIDATION_FAILED, String.format(
            "%d of %d reports (%.2f%%) in %s failed validation %s, above the allowed %.2f%%; no ranking written; "
                + "see %s", quarantined, total.read(), 100 * share, source.path(), total.rejectedByReason(),
            100 * maxRejectedShare, w.partition(QuarantineTable.NAME, campaign, ds)));
      }
      Decoding applied = decoding.appliedTo(frequencyOracle);
      long decode = System.nanoTime();
      FrequencyEstimates estimates = accepted == 0 ? null
          : estimates(total, applied, published.segmentLayout(candidates));
      LOG.info("{} {}: {} decoding in {}", campaign, ds, applied.optionValue(), Timing.since(decode));
      return new EstimationResult(estimates, total.read(), accepted, total.rejectedByReason(), applied, seconds);
    } finally {
      oracle.destroy();
    }
  }

  private static FrequencyEstimates estimates(PartialAggregate total, Decoding applied, SegmentLayout plan) {
    if (total.aggregators.length == 1) {
      return FrequencyEstimator.estimate(total.aggregators[0], applied);
    }
    FrequencyEstimates[] perSegment = new FrequencyEstimates[total.aggregators.length];
    for (int s = 0; s < perSegment.length; s++) {
      perSegment[s] = total.aggregators[s].reports() == 0 ? null
          : FrequencyEstimator.estimate(total.aggregators[s], applied);
    }
    return SegmentedEstimates.combine(plan, perSegment);
  }

  /** The date's quarantine partition: {@code rows} (null: none rejected) and the input accounting. */
  private void commitQuarantine(LocalDate ds, PublishedConfig published, ReportSource source,
      PartialAggregate total, Dataset<Row> rows) {
    long accepted = total.accepted();
    Dataset<Row> data = rows == null ? w.spark().createDataFrame(List.of(), QuarantineTable.SCHEMA) : rows;
    Manifest m = Manifest.ofRound(published.round()).set("config_hash", published.hash()).input(source.path())
        .count("read", total.read()).count("accepted", accepted).count("quarantined", total.read() - accepted)
        .count("quarantined_by_reason", total.rejectedByReason());
    w.commit(data.coalesce(1), QuarantineTable.NAME, campaign, ds, m);
  }
}
