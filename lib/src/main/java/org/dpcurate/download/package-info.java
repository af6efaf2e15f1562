/**
 * What a device downloads for a curation round: the pool split into segments that fit a per-device byte budget,
 * which segment a report belongs to, and where a segment's candidates sit in the published order. Depends on
 * {@code embedding} (the compact vector format) and {@code hash}.
 */
package org.dpcurate.download;
