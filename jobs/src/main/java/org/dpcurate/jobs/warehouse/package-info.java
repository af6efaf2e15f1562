/**
 * The warehouse: the output layout under one root (local or any Hadoop URI), the atomic commit of a partition with
 * its manifest, the one JSON writer, and the published per-date configs. Knows nothing of what a table holds
 * ({@code jobs.tables} does). Depends on {@code jobs.runtime} and lib's {@code oracle}.
 */
package org.dpcurate.jobs.warehouse;
