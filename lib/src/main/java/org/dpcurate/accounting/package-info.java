/**
 * Privacy accounting: the per-device budget over a rolling period, amplification by shuffling, and an empirical
 * LDP auditor. Depends on {@code oracle}.
 */
package org.dpcurate.accounting;
