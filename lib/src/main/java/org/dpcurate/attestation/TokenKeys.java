package org.dpcurate.attestation;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** An issuer's key pair for one round (or one period of rounds); the private half never leaves the issuer. */
public record TokenKeys(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) {

  /** A fresh key pair with public exponent 65537, from {@code random} (seeded in simulations). */
  public static TokenKeys generate(int bits, SecureRandom random) {
    if (bits < TokenKey.MIN_BITS) {
      throw new IllegalArgumentException("an issuer key needs at least " + TokenKey.MIN_BITS + " bits, got " + bits);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits, random);
      KeyPair pair = generator.generateKeyPair();
      return new TokenKeys((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate RSA keys", e);
    }
  }

  /** The public half as a round publishes it. */
  public TokenKey published() {
    return TokenKey.of(publicKey);
  }
}
