package org.dpcurate.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One token per device per round, verified offline against the round's key and config, and what it derives. */
class UploadTokenTest {
  private static final String ROUND = "3f0a9c4e1b7d2a6f5c8e0b1d4a7f2c6e9b3d5a8c1e4f7a2b6d9c0e3f5a8b1c4d";
  private static final String OTHER_ROUND = "0".repeat(63) + "1";
  private static TokenIssuer issuer;
  private static TokenIssuer otherIssuer;

  @BeforeAll
  static void keys() {
    issuer = new TokenIssuer(TokenKeys.generate(2048, SeededSecureRandom.of(11)));
    otherIssuer = new TokenIssuer(TokenKeys.generate(2048, SeededSecureRandom.of(12)));
  }

  private static UploadToken token(TokenIssuer from, String device, String round, long seed) {
    TokenRequest request = TokenRequest.start(from.key(), round, SeededSecureRandom.of(seed));
    return request.finish(from.issue(device, request.blindedMessage()));
  }

  @Test
  void aTokenVerifiesForItsRoundAndKeyOnly() {
    UploadToken token = token(issuer, "device-1", ROUND, 1);
    assertEquals(ROUND, token.configSha256());
    TokenVerifier verifier = new TokenVerifier(issuer.key(), ROUND);
    assertEquals(TokenVerifier.Outcome.VALID, verifier.check(issuer.key().id(), token));
    assertEquals(TokenVerifier.Outcome.WRONG_KEY, verifier.check(otherIssuer.key().id(), token));
    assertEquals(TokenVerifier.Outcome.WRONG_ROUND,
        new TokenVerifier(issuer.key(), OTHER_ROUND).check(issuer.key().id(), token));
    // Signed by another issuer but naming this round's key: the signature does not verify.
    UploadToken foreign = token(otherIssuer, "device-1", ROUND, 2);
    assertEquals(TokenVerifier.Outcome.BAD_SIGNATURE, verifier.check(issuer.key().id(), foreign));
    byte[] tampered = token.input();
    tampered[tampered.length - 1] ^= 1;
    assertEquals(TokenVerifier.Outcome.BAD_SIGNATURE,
        verifier.check(issuer.key().id(), new UploadToken(tampered, token.signature())));
  }

  @Test
  void oneVerifierChecksTokenAfterTokenWhateverTheLastOneWas() {
    UploadToken token = token(issuer, "device-7", ROUND, 8);
    TokenVerifier verifier = new TokenVerifier(issuer.key(), ROUND);
    String keyId = issuer.key().id();
    byte[][] bad = {java.util.Arrays.copyOf(token.signature(), 128), new byte[1 << 20], new byte[0],
        java.util.Arrays.copyOf(token.signature(), 257)};
    for (byte[] signature : bad) {
      assertEquals(TokenVerifier.Outcome.BAD_SIGNATURE, verifier.check(keyId, new UploadToken(token.input(),
          signature)));
      assertEquals(TokenVerifier.Outcome.VALID, verifier.check(keyId, token), "the verifier is ready again");
    }
  }

  @Test
  void theIssuerSignsOncePerDevicePerRound() {
    TokenIssuer fresh = new TokenIssuer(TokenKeys.generate(2048, SeededSecureRandom.of(13)));
    token(fresh, "device-9", ROUND, 3);
    TokenRequest again = TokenRequest.start(fresh.key(), ROUND, SeededSecureRandom.of(4));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> fresh.issue("device-9", again.blindedMessage()));
    assertEquals("device device-9 already holds this round's token", e.getMessage());
  }

  @Test
  void theReportIdAndPublicRandomnessComeFromTheSignatureHash() {
    UploadToken token = token(issuer, "device-2", ROUND, 5);
    byte[] digest = TokenKey.sha256(token.signature());
    assertEquals(HexFormat.of().formatHex(digest, 0, 16), token.reportId());
    assertEquals(ByteBuffer.wrap(digest, 16, 8).getLong(), token.publicRandomness());
    UploadToken other = token(issuer, "device-3", ROUND, 6);
    assertNotEquals(token.reportId(), other.reportId());
    // The same seed makes the same request: the device's randomness is injectable.
    assertArrayEquals(TokenRequest.start(issuer.key(), ROUND, SeededSecureRandom.of(7)).blindedMessage(),
        TokenRequest.start(issuer.key(), ROUND, SeededSecureRandom.of(7)).blindedMessage());
  }

  @Test
  void tokensTravelAsUnpaddedBase64Url() {
    UploadToken token = token(issuer, "device-4", ROUND, 8);
    assertEquals(128, token.inputBase64Url().length());
    assertArrayEquals(token.input(), UploadToken.base64Url("token_input", token.inputBase64Url()));
    assertThrows(IllegalArgumentException.class, () -> UploadToken.base64Url("token_input", "AAAA=="));
    assertThrows(IllegalArgumentException.class, () -> UploadToken.base64Url("token_input", "ab+/"));
    assertThrows(IllegalArgumentException.class, () -> UploadToken.base64Url("token_input", "abcde"));
    assertThrows(IllegalArgumentException.class, () -> new UploadToken(new byte[95], token.signature()));
    assertThrows(IllegalArgumentException.class, () -> TokenKey.fromBase64("bm90IGEga2V5"));
  }
}
