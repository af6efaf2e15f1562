package org.dpcurate.attestation;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} that replays the same bytes for the same seed: simulations and tests (seeded issuer keys,
 * simulated devices' blinding), never a real device, which uses the platform's own.
 */
public final class SeededSecureRandom {
  private SeededSecureRandom() {}

  /** SHA1PRNG seeded before its first use, which makes it deterministic. */
  public static SecureRandom of(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA1PRNG", e);
    }
  }
}
