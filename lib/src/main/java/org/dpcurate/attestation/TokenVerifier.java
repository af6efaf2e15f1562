package org.dpcurate.attestation;

/**
 * The server's check of one upload's token against its round: signed by the round's key, for this round. One
 * verifier per thread: it is cheap to make and its JDK signature object is not thread-safe.
 */
public final class TokenVerifier {
  /** The outcome of a check; {@code VALID} or the reason the token is refused. */
  public enum Outcome {
    VALID,
    /** Named another issuer key than the round's. */
    WRONG_KEY,
    /** The signature does not verify under the round's key. */
    BAD_SIGNATURE,
    /** A valid token, issued for another round. */
    WRONG_ROUND
  }

  private final TokenKey key;
  private final String configSha256;
  private final java.security.Signature signature;

  public TokenVerifier(TokenKey key, String configSha256) {
    this.key = key;
    this.configSha256 = configSha256;
    this.signature = BlindRsa.verifier(key.publicKey());
  }

  public TokenKey key() {
    return key;
  }

  /** Checks {@code token}, which the upload says was signed under the key with id {@code keyId}. */
  public Outcome check(String keyId, UploadToken token) {
    if (!key.id().equals(keyId)) {
      return Outcome.WRONG_KEY;
    }
    if (!BlindRsa.verify(signature, token.input(), token.signature())) {
      return Outcome.BAD_SIGNATURE;
    }
    return token.configSha256().equals(configSha256) ? Outcome.VALID : Outcome.WRONG_ROUND;
  }
}
