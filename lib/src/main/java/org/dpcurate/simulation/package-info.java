/**
 * Simulation only: the hidden private population of the curation workload and the devices that vote and report.
 * Production code paths never need it. Depends on {@code oracle}, {@code synthesis}, {@code embedding} and
 * {@code hash}.
 */
package org.dpcurate.simulation;
