/**
 * The device side of the protocol, defined once for devices and server: the round config a device reads
 * ({@link org.dpcurate.client.RoundConfig}: format, parse, hash, protocol versions), which candidate is where in a
 * segmented download ({@link org.dpcurate.client.SegmentLayout}), and the upload record a device writes for one
 * randomized report, naming its round by the config's SHA-256 ({@link org.dpcurate.client.UploadRecord}; the
 * randomizers themselves are the oracles'). The
 * server's ingestion decodes uploads and reads configs with the same classes. Depends on {@code oracle} and
 * {@code hash}.
 */
package org.dpcurate.client;
