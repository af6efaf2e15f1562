/**
 * What every layer of the Spark side shares: exit codes and the exception that carries one, the SparkSession a job
 * runs in, elapsed-time formatting for the logs, and the code version manifests record. Depends on Spark only.
 */
package org.dpcurate.jobs.runtime;
