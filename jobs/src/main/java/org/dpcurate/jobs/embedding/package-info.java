/**
 * Embedding at scale: texts are embedded on the executors (one model per executor JVM), in batches, through the
 * warehouse's embedding cache so that no text is embedded twice.
 */
package org.dpcurate.jobs.embedding;
