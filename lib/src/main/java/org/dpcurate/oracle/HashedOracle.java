package org.dpcurate.oracle;

import java.util.Optional;
import java.util.function.UnaryOperator;

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

  /**
   * x -> for every candidate v, the sum over functions of x over the candidates sharing v's bucket, when the family
   * has a faster form than R x K bucket look-ups (FLH's affine family: two Walsh-Hadamard transforms).
   */
  default Optional<UnaryOperator<double[]>> collisionSums() {
    return Optional.empty();
  }
}
