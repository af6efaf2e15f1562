package org.dpcurate.jobs.warehouse;

import org.dpcurate.oracle.OracleConfig;

/**
 * A date's published config as the server reads it back: the round, the oracle devices report with, the share of
 * opted-in devices the round polls (each device decides from it), and the SHA-256 of the file, which every manifest
 * of that date records.
 */
public record PublishedConfig(int round, OracleConfig oracle, double samplingRate, String hash) {}
