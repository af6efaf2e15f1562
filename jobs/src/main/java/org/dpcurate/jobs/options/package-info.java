/**
 * Command-line options: one {@link org.dpcurate.jobs.options.Option} per option (name, help, default written once,
 * parser), composed per job, parsed by {@link org.dpcurate.jobs.options.Cli} into typed settings records before any
 * Spark work. Depends on {@code jobs.runtime} and lib's configs.
 */
package org.dpcurate.jobs.options;
