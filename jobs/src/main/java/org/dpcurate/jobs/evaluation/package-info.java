/**
 * Downstream utility of a curated set: classifiers trained on it with Spark MLlib and tested on held-out real
 * messages, with embedding-space distances to those messages (Frechet distance, k-NN precision and recall).
 * Used by {@code curate} (every round, every variant) and the standalone {@code evaluate} job.
 */
package org.dpcurate.jobs.evaluation;
