package org.dpcurate.jobs.estimation;

import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.InvalidReportException;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.Report;

/**
 * Checks reports against a date's published oracle and eps, on the executors: report rows as estimate reads them,
 * and decoded uploads as ingestion reads them, with the same reason codes.
 */
public final class ReportValidator {
  /** A rejected report's reason and the validation message. */
  public record Rejected(Rejection reason, String detail) {}

  private final FrequencyOracle oracle;
  private final double epsilon;

  public ReportValidator(FrequencyOracle oracle, double epsilon) {
    this.oracle = oracle;
    this.epsilon = epsilon;
  }

  /**
   * Why {@code row} is rejected, or null if the oracle accepts it. An accepted row is added to {@code into} when
   * one is given: the aggregator validates as it adds, so each payload is parsed and checked once.
   */
  Rejected check(ReportRow row, OracleAggregator into) {
    if (row.reportIdNull()) {
      return new Rejected(Rejection.MALFORMED, "report_id is null");
    }
    if (row.epsilonNull()) {
      return epsilonMismatch("null");
    }
    if (row.epsilon() != epsilon) {
      return epsilonMismatch(row.epsilon());
    }
    int code = row.oracleCode();
    if (code == ReportRow.ORACLE_UNKNOWN) {
      return new Rejected(Rejection.MALFORMED, "oracle is null or unknown");
    }
    if (code == ReportRow.ORACLE_OTHER) {
      return new Rejected(Rejection.WRONG_ORACLE, "made by another oracle than " + oracle.kind());
    }
    try {
      return payload(row.toReport(oracle.kind()), into);
    } catch (ReportRow.MalformedRowException e) {
      return new Rejected(Rejection.MALFORMED, e.getMessage());
    }
  }

  /** Why a decoded report made with {@code reportEpsilon} is rejected, or null if the oracle accepts it. */
  public Rejected check(double reportEpsilon, Report report) {
    return reportEpsilon != epsilon ? epsilonMismatch(reportEpsilon) : payload(report, null);
  }

  private Rejected epsilonMismatch(Object reported) {
    return new Rejected(Rejection.EPSILON_MISMATCH, "epsilon " + reported + " != published " + epsilon);
  }

  /** The oracle's own validation; an accepted report is added to {@code into} when one is given. */
  private Rejected payload(Report report, OracleAggregator into) {
    try {
      if (into == null) {
        oracle.validate(report);
      } else {
        into.add(report);
      }
      return null;
    } catch (InvalidReportException e) {
      return new Rejected(Rejection.of(e.reason()), e.getMessage());
    }
  }
}
