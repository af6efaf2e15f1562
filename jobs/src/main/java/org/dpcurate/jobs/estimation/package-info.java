/**
 * Estimation on Spark: a date's report partition read and schema-checked, every row validated against the
 * published config (one {@link org.dpcurate.jobs.estimation.Rejection} code per failure), aggregated on the
 * executors with the exactly-once check on report ids, the quarantine committed, then decoded by lib's
 * {@code estimation}. Production code: no simulation. Depends on {@code jobs.tables}, {@code jobs.warehouse},
 * {@code jobs.runtime} and lib.
 */
package org.dpcurate.jobs.estimation;
