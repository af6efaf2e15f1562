package org.dpcurate.discovery;

/**
 * A discovered string with its estimated popularity: counts are for the cohort that scored it; shares scale it to
 * the population.
 *
 * @param estimate unbiased count estimate among the {@code cohortReports} reports of its round
 * @param share estimate / cohortReports, the estimated share of all devices holding it
 * @param shareLow lower end of the share's interval
 * @param shareHigh upper end
 * @param populationEstimate share x population devices
 */
public record DiscoveredString(int rank, String text, int words, int round, double estimate, double stdError,
    long cohortReports, double share, double shareStdError, double shareLow, double shareHigh,
    double populationEstimate, double pValue) {}
