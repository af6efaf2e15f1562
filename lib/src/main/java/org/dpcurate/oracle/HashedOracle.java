package org.dpcurate.oracle;

/**
 * An oracle whose server knows the hash functions devices used (FLH's seed pool, CMS/HCMS rows). Plain decoding
 * assumes any two candidates collide in a fraction 1/b of the R functions; the real family deviates from that, and
 * the deviation D (off-diagonal, symmetric) makes E[plain estimate] = (I + b/(b-1) D) f. Collision-aware decoding
 * solves that system.
 */
public interface HashedOracle {
  /** R, the number of hash functions. */
  int hashFunctions();

  /** b, the range each function maps candidates into. */
  int hashRange();

  /** The bucket of candidate {@code value} under function {@code function}. */
  int bucketOf(int function, int value);
}
