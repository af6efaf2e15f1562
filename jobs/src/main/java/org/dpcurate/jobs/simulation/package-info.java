/**
 * Simulation only: devices simulated on the executors (shared by curation, discovery and the benchmark's input),
 * the simulation-only tables (truth, metrics, discovery truth), the {@code curate} loop and the {@code discover}
 * runs with their reports. A client of the production steps in {@code jobs.pipeline}, never a dependency of them:
 * production job classes do not import this package (an architecture test holds that).
 */
package org.dpcurate.jobs.simulation;
