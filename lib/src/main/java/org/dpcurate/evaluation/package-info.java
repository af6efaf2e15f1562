/**
 * Simulation only: scores a round against the known population (recall, interval coverage, total variation,
 * coverage) and the curated weights. Depends on {@code selection}, {@code simulation}, {@code synthesis} and
 * {@code embedding}.
 */
package org.dpcurate.evaluation;
