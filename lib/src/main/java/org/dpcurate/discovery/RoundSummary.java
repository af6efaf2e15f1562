package org.dpcurate.discovery;

import org.dpcurate.oracle.OracleConfig;

/** What one discovery round did: cohort, oracle, candidates and their fate. */
public record RoundSummary(int round, String stage, long fromDevice, long toDevice, OracleConfig oracle,
    int segmentTokens, int candidates, int selected, int extended, int prunedByCap, int discovered,
    double seconds) {
  public long devices() {
    return toDevice - fromDevice;
  }
}
