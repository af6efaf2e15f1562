package org.dpcurate.discovery;

import org.dpcurate.oracle.OracleConfig;

/**
 * One discovery round as published to devices: the cohort of device indices [fromDevice, toDevice) that reports,
 * the oracle it reports with and how a device turns its string into a value.
 *
 * @param stage "prefix", "fragments" or "scoring"
 */
public record CohortRound(String stage, int round, long fromDevice, long toDevice, OracleConfig oracle,
    PromptEncoder encoder) implements java.io.Serializable {
  public long devices() {
    return toDevice - fromDevice;
  }
}
