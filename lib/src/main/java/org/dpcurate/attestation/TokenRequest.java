package org.dpcurate.attestation;

import java.security.SecureRandom;

/**
 * The device's side of getting one round's token: {@link #start} prepares and blinds the token message, the device
 * sends {@link #blindedMessage} to the issuer (with its device attestation, outside this protocol), and
 * {@link #finish} turns the issuer's blind signature into the {@link UploadToken}. The blinding factor never leaves
 * the device, so the issuer cannot link the token it signed to the upload that carries it.
 */
public final class TokenRequest {
  private final TokenKey key;
  private final byte[] input;
  private final BlindRsa.Blinded blinded;

  private TokenRequest(TokenKey key, byte[] input, BlindRsa.Blinded blinded) {
    this.key = key;
    this.input = input;
    this.blinded = blinded;
  }

  /** A request for the round whose config hashes to {@code configSha256}, under its issuer {@code key}. */
  public static TokenRequest start(TokenKey key, String configSha256, SecureRandom random) {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    byte[] input = BlindRsa.prepare(UploadToken.message(configSha256, nonce), random);
    return new TokenRequest(key, input, BlindRsa.blind(key.publicKey(), input, random));
  }

  public byte[] blindedMessage() {
    return blinded.message().clone();
  }

  /** The token; throws if the issuer's answer is not a valid signature under the round's key. */
  public UploadToken finish(byte[] blindSignature) {
    return new UploadToken(input, BlindRsa.finalizeSignature(key.publicKey(), input, blindSignature,
        blinded.inverse()));
  }
}
