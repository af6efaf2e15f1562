/**
 * String discovery over rounds of device cohorts: prefix-tree extension and the Sequence Fragment Puzzle, their
 * encoders and round channel, and (simulation only) the prompt population and its devices. Depends on
 * {@code oracle}, {@code estimation}, {@code selection}, {@code simulation} (config parsing) and {@code hash}.
 */
package org.dpcurate.discovery;
