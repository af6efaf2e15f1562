/**
 * Hashing that is part of the wire protocol (XXH64, docs/protocol.md) and the derivation of every seed a run uses
 * ({@link org.dpcurate.hash.Seeds}). Depends on nothing else in dpcurate.
 */
package org.dpcurate.hash;
