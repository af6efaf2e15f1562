package org.dpcurate.jobs.estimation;

import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.InvalidReportException;
import org.dpcurate.oracle.OracleAggregator;

/** Checks report rows against a date's published oracle and eps; runs on the executors. */
final class ReportValidator {
  /** A rejected row's reason and the validation message. */
  record Rejected(Rejection reason, String detail) {}

  private final FrequencyOracle oracle;
  private final double epsilon;

  ReportValidator(FrequencyOracle oracle, double epsilon) {
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
    if (row.epsilonNull() || row.epsilon() != epsilon) {
      return new Rejected(Rejection.EPSILON_MISMATCH, "epsilon " + (row.epsilonNull() ? "null" : row.epsilon())
          + " != published " + epsilon);
    }
    int code = row.oracleCode();
    if (code == ReportRow.ORACLE_UNKNOWN) {
      return new Rejected(Rejection.MALFORMED, "oracle is null or unknown");
    }
    if (code == ReportRow.ORACLE_OTHER) {
      return new Rejected(Rejection.WRONG_ORACLE, "made by another oracle than " + oracle.kind());
    }
    try {
      if (into == null) {
        oracle.validate(row.toReport(oracle.kind()));
      } else {
        into.add(row.toReport(oracle.kind()));
      }
      return null;
    } catch (ReportRow.MalformedRowException e) {
      return new Rejected(Rejection.MALFORMED, e.getMessage());
    } catch (InvalidReportException e) {
      return new Rejected(Rejection.of(e.reason()), e.getMessage());
    }
  }
}
