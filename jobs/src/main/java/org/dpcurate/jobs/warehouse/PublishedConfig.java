package org.dpcurate.jobs.warehouse;

import org.dpcurate.client.RoundConfig;
import org.dpcurate.client.SegmentLayout;
import org.dpcurate.oracle.OracleConfig;

/**
 * A date's published config as the server reads it back: the round, the oracle devices report with, the share of
 * opted-in devices the round polls (each device decides from it), the number of download segments (1: the whole
 * pool; the oracle's domain is then a segment's positions, see {@link SegmentLayout}), and the SHA-256 of the file,
 * which every manifest of that date records and (from protocol version 4, {@code uploadsNameRound}) every upload
 * names, and the round's upload tokens (null: none).
 */
public record PublishedConfig(int round, OracleConfig oracle, double samplingRate, int segments, String hash,
    boolean uploadsNameRound, RoundConfig.Tokens tokens) {

  static PublishedConfig of(RoundConfig c, String hash) {
    return new PublishedConfig(c.round(), c.oracle(), c.samplingRate(), c.segments(), hash, c.uploadsNameRound(),
        c.tokens());
  }

  public boolean segmented() {
    return segments > 1;
  }

  /** Which candidate of a round of {@code candidates} published candidates is where in its segments. */
  public SegmentLayout segmentLayout(int candidates) {
    return new SegmentLayout(candidates, segments);
  }
}
