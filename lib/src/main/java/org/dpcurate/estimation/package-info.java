/**
 * From an oracle aggregate to estimates: one entry point ({@link org.dpcurate.estimation.FrequencyEstimator})
 * chooses plain or collision-aware decoding ({@link org.dpcurate.estimation.Decoding}), attaches variances, and
 * consistency post-processing. Depends on {@code oracle}.
 */
package org.dpcurate.estimation;
