package org.dpcurate.jobs.estimation;

import java.util.Map;
import org.dpcurate.estimation.Decoding;
import org.dpcurate.estimation.FrequencyEstimates;

/**
 * A date's estimates (null when no report was valid) and its input accounting: read = accepted + quarantined.
 *
 * @param decoding the decoding the estimates got ({@link Decoding#appliedTo})
 * @param seconds time spent validating and aggregating
 */
public record EstimationResult(FrequencyEstimates estimates, long read, long accepted,
    Map<String, Long> quarantinedByReason, Decoding decoding, double seconds) {

  public long quarantined() {
    return read - accepted;
  }

  /** What the date's ranking holds. */
  public Outcome outcome() {
    return read == 0 ? Outcome.NO_REPORTS : accepted == 0 ? Outcome.NO_VALID_REPORTS : Outcome.OK;
  }

  /** The outcome manifests and the console report (docs/operations.md). */
  public enum Outcome {
    OK,
    /** The partition held no report. */
    NO_REPORTS,
    /** Every report was quarantined. */
    NO_VALID_REPORTS;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
