/**
 * What a device downloads for a curation round under a per-device byte budget: the whole pool in int8, the whole
 * pool projected on its principal axes in 5-bit codes, or the pool split into segments (laid out by
 * {@code client.SegmentLayout}), and what each costs in bytes; and the bundle file a device downloads
 * ({@link org.dpcurate.download.DownloadBundle}: its round's config and candidates in one checked layout). Depends on
 * {@code embedding} (the compact vector format) and {@code client}.
 */
package org.dpcurate.download;
