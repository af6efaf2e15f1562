/**
 * From an oracle aggregate to estimates: one entry point ({@link org.dpcurate.estimation.FrequencyEstimator})
 * chooses plain or collision-aware decoding ({@link org.dpcurate.estimation.Decoding}), attaches variances, and
 * consistency post-processing; {@link org.dpcurate.estimation.SegmentedEstimates} puts a segmented round's
 * per-segment estimates on one scale. Depends on {@code oracle} and {@code client} (the segment layout).
 */
package org.dpcurate.estimation;
