/**
 * One class per warehouse table: its name, its schema exactly as docs/schemas.md documents it (a test holds the
 * two together), and the conversion between its rows and lib's types. Depends on {@code jobs.warehouse},
 * {@code jobs.runtime} and lib.
 */
package org.dpcurate.jobs.tables;
