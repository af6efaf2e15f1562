package org.dpcurate.jobs.options;

import org.dpcurate.simulation.PopulationConfig;

/**
 * How a ranking becomes the next date's pool: its size, the variation strategy, and the config whose
 * {@code prior.*} keys set the generator prior that explores fresh candidates.
 */
public record RefinementSettings(int candidates, Variation variation, PopulationConfig prior) {}
