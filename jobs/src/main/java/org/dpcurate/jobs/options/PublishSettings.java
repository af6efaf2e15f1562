package org.dpcurate.jobs.options;

/**
 * How a date's round is published: the devices' local eps, the oracle (or the mechanism chooser's pick for the
 * report-size budget), and the reports expected, which size FLH's seed pool.
 */
public record PublishSettings(double epsilon, OracleChoice oracle, int reportBits, long expectedReports) {}
