package org.dpcurate.attestation;

import java.util.HashSet;
import java.util.Set;

/**
 * The reference issuer, for tests and simulation: signs blinded messages under one round's key, one per device per
 * round. A production issuer sits outside dpcurate, behind device attestation (App Attest, Play Integrity) and a
 * rate limit; this one takes the device's identity on trust. It sees only blinded messages, so nothing it keeps
 * links a device to its upload.
 */
public final class TokenIssuer {
  private final TokenKeys keys;
  private final Set<String> served = new HashSet<>();

  public TokenIssuer(TokenKeys keys) {
    this.keys = keys;
  }

  public TokenKey key() {
    return keys.published();
  }

  /** Signs {@code blindedMessage} for {@code device}; refuses a second request of the same device this round. */
  public synchronized byte[] issue(String device, byte[] blindedMessage) {
    if (!served.add(device)) {
      throw new IllegalStateException("device " + device + " already holds this round's token");
    }
    return BlindRsa.blindSign(keys.privateKey(), blindedMessage);
  }
}
