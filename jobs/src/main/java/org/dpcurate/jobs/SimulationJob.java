package org.dpcurate.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entry point that runs the simulator (simulated devices, a known population): the only jobs that may use
 * {@code jobs.simulation}. Every other job runs on a real fleet's data ({@code JobsArchitectureTest}).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SimulationJob {}
