/**
 * The seven local-DP frequency oracles (GRR, OUE, OLH, FLH, CMS, HCMS, SS): each has a device-side randomizer with
 * its exact output distribution, report validation, and a mergeable integer aggregation state
 * ({@link org.dpcurate.oracle.OracleAggregator}) whose layout stays inside this package; also their configs, the
 * hash families of the hashed oracles and the mechanism chooser. Depends only on {@code hash}.
 */
package org.dpcurate.oracle;
