package org.dpcurate.oracle;

/**
 * Adds validated reports to one aggregator's long state, either directly or through a working buffer of the
 * oracle's (narrow counters that stay in cache, carried into the state when they fill). {@link #flush} settles the
 * buffer; the aggregator calls it before its state is read, merged or serialized.
 */
interface Accumulator {
  void add(Report report);

  default void flush() {}
}
