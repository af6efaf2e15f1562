/**
 * The device side of the protocol as a reference: the upload record a device writes for one randomized report
 * (the randomizers themselves are the oracles'). The server's ingestion decodes uploads with the same class, so the
 * wire format is defined once. Depends on {@code oracle}.
 */
package org.dpcurate.client;
