/**
 * Synthetic candidates: the message taxonomy, structured message specs and their rendering to text, the generator
 * prior and initial pools, and the taxonomy concept lexicon given to the built-in embedder. Depends on
 * {@code embedding} and {@code hash}.
 */
package org.dpcurate.synthesis;
