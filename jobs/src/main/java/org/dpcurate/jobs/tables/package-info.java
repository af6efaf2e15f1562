/**
 * One class per warehouse table: its name, its schema exactly as docs/schemas.md documents it (a test holds the
 * two together), and the conversion between its rows and lib's types. The simulation-only truth, metrics and
 * discovery truth tables live in {@code jobs.simulation}. Depends on {@code jobs.warehouse}, {@code jobs.runtime}
 * and lib.
 */
package org.dpcurate.jobs.tables;
