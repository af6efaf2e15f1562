package org.dpcurate.estimation;

import java.util.Locale;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.HashedOracle;

/** How an aggregate state becomes count estimates ({@link FrequencyEstimator#estimate}). */
public enum Decoding {
  /** Each oracle's unbiased estimator, with variances over a random hash family. */
  PLAIN,
  /**
   * FLH, CMS and HCMS: estimates solved for the hash family in use ({@link CollisionAwareDecoding}), carrying the
   * noise variance alone. Other oracles, and sketches too small for the solve, decode plainly.
   */
  COLLISION_AWARE;

  /** The option value: {@code plain} or {@code collision-aware}. */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Decoding parse(String value) {
    for (Decoding d : values()) {
      if (d.optionValue().equals(value)) {
        return d;
      }
    }
    throw new IllegalArgumentException("decoding must be plain or collision-aware, got: " + value);
  }

  /**
   * The decoding {@code oracle}'s estimates get: the solve only for a hashed oracle with enough sketch cells per
   * candidate ({@link CollisionAwareDecoding#wellConditioned}), plain decoding elsewhere.
   */
  public Decoding appliedTo(FrequencyOracle oracle) {
    return this == COLLISION_AWARE && oracle instanceof HashedOracle hashed
        && CollisionAwareDecoding.wellConditioned(hashed, oracle.domainSize()) ? COLLISION_AWARE : PLAIN;
  }
}
