/**
 * What a device downloads for a curation round under a per-device byte budget: the whole pool in int8, the whole
 * pool projected on its principal axes in 5-bit codes, or the pool split into segments; which segment a report
 * belongs to, and where a segment's candidates sit in the published order. Depends on {@code embedding} (the
 * compact vector format) and {@code hash}.
 */
package org.dpcurate.download;
