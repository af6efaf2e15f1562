/**
 * The spark-submit entry points: {@link org.dpcurate.jobs.Main} and one short {@code *Job} class per job, each
 * declaring its options and composing the steps below. {@code generate}, {@code estimate}, {@code refine} and
 * {@code nightly} are production jobs and use no simulation; {@code simulate}, {@code curate}, {@code discover}
 * and {@code benchmark} drive {@code jobs.simulation}.
 */
package org.dpcurate.jobs;
