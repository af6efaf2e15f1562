/**
 * What every layer of the Spark side shares: exit codes and the exception that carries one, the SparkSession a job
 * runs in, running a job's dates in order ({@link org.dpcurate.jobs.runtime.Backfill}), elapsed-time formatting for
 * the logs, and the code version manifests record. Depends on Spark and the logging API only.
 */
package org.dpcurate.jobs.runtime;
