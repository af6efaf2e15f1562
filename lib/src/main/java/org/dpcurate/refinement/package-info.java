/**
 * The next round's pool: survivors (a {@link org.dpcurate.refinement.SurvivorPolicy}) plus variations in proportion
 * to the square root of their estimated share (the exponent is {@code RefinementConfig.quotaExponent}), with
 * pluggable variation strategies (slot mutation, embedding perturbation) and near-duplicate merging. Depends on
 * {@code selection}, {@code synthesis}, {@code embedding} and {@code hash}.
 */
package org.dpcurate.refinement;
