package org.dpcurate.jobs.options;

/**
 * What a simulation curates toward and from, beyond the demo's generated world: {@code privateMessages} (real
 * private text on the devices, or null for the generated population), the share of it held out when the file has no
 * split, {@code initialPool} (public texts the initial pool and exploration draw from, or null for the template
 * generator), and whether to ignore the messages' labels (one pool for all devices).
 */
public record OpenWorldSettings(String privateMessages, double heldOutShare, String initialPool,
    boolean ignoreLabels) {}
