package org.dpcurate.jobs.warehouse;

import org.dpcurate.download.DownloadPlan;
import org.dpcurate.oracle.OracleConfig;

/**
 * A date's published config as the server reads it back: the round, the oracle devices report with, the share of
 * opted-in devices the round polls (each device decides from it), the number of download segments (1: the whole
 * pool; the oracle's domain is then a segment's positions, see {@link DownloadPlan}), and the SHA-256 of the file,
 * which every manifest of that date records.
 */
public record PublishedConfig(int round, OracleConfig oracle, double samplingRate, int segments, String hash) {
  public boolean segmented() {
    return segments > 1;
  }

  /** How a round of {@code candidates} published candidates was split for download. */
  public DownloadPlan downloadPlan(int candidates) {
    // The dimension plays no part in which candidate is where.
    return new DownloadPlan(candidates, 1, segments);
  }
}
