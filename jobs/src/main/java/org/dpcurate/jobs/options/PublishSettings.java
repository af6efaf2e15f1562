package org.dpcurate.jobs.options;

import org.dpcurate.client.RoundConfig;

/**
 * How a date's round is published: the devices' local eps, the oracle (or the mechanism chooser's pick for the
 * report-size budget), the most honest holders one fake report may be worth ({@code maxAttackGain}, infinite: no
 * cap), the reports expected, which size FLH's seed pool, and the bytes a device may download
 * (null: every device downloads the whole pool; else the pool is split into segments that fit), and the round's
 * upload tokens (null: uploads carry none).
 */
public record PublishSettings(double epsilon, OracleChoice oracle, int reportBits, double maxAttackGain,
    long expectedReports, Long downloadBudget, RoundConfig.Tokens tokens) {}
