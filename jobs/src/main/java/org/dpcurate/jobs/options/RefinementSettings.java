package org.dpcurate.jobs.options;

import org.dpcurate.synthesis.GeneratorPrior;

/**
 * How a ranking becomes the next date's pool: its size, the variation strategy, and the generator prior that
 * explores fresh candidates.
 */
public record RefinementSettings(int candidates, Variation variation, GeneratorPrior prior) {}
