/**
 * Simulation only: the prompt population of the string-discovery workload, its devices, the in-process round
 * channel and the scoring of a discovery against the known truth. Depends on {@code discovery}, {@code oracle},
 * {@code estimation} and {@code simulation} (config parsing).
 */
package org.dpcurate.simulation.discovery;
