/**
 * String discovery over rounds of device cohorts, the production protocol: prefix-tree extension and the Sequence
 * Fragment Puzzle, their encoders, the vocabulary and the round channel. The simulated prompt population, its
 * devices and the in-process channel live in {@code simulation.discovery}. Depends on {@code oracle},
 * {@code estimation}, {@code selection} and {@code hash}.
 */
package org.dpcurate.discovery;
