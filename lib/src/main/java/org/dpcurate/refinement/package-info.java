/**
 * The next round's pool: survivors plus variations in proportion to estimated share, with pluggable variation
 * strategies (slot mutation, embedding perturbation) and near-duplicate merging. Depends on {@code selection},
 * {@code synthesis}, {@code embedding} and {@code hash}.
 */
package org.dpcurate.refinement;
