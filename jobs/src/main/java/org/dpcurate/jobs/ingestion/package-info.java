/**
 * Ingestion of device uploads: the batches an upload service landed for a campaign and date, every line decoded
 * with lib's {@code client.UploadRecord} and validated against the published config, committed as the date's report
 * partition with its manifest, and the refused lines beside it. Production code. Depends on {@code jobs.estimation}
 * (reason codes), {@code jobs.tables}, {@code jobs.warehouse}, {@code jobs.runtime} and lib.
 */
package org.dpcurate.jobs.ingestion;
