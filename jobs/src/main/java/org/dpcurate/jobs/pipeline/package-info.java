/**
 * The production round steps of a campaign, as objects over a {@link org.dpcurate.jobs.pipeline.CampaignRun}
 * (session, warehouse, campaign, seed): estimate a date (budget check, estimation, ranking, ledger), refine it into
 * the next date's pool, pick the oracle a round is published with. No simulation: depends on
 * {@code jobs.estimation}, {@code jobs.tables}, {@code jobs.warehouse}, {@code jobs.options}, {@code jobs.runtime}
 * and lib.
 */
package org.dpcurate.jobs.pipeline;
