package org.dpcurate.accounting;

/**
 * Every privacy figure of one round, computed in one place ({@link Accounting#charge}) for the budget check and the
 * ledger row alike.
 *
 * @param local the eps each participating device spent on its report
 * @param samplingRate the share of opted-in devices the round polled
 * @param sampled the sampling-amplified bound ln(1 + q (e^eps - 1))
 * @param charged what the policy's charge rule counts against each device's budget
 * @param centralEpsilon the shuffle-amplified central eps, or null when reports were not shuffled, the report count
 *     is unknown or the bound does not apply
 * @param centralDelta its delta, or null with it
 */
public record RoundCharge(double local, double samplingRate, double sampled, double charged, Double centralEpsilon,
    Double centralDelta) {}
