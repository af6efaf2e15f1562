package org.dpcurate.attestation;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A device's token for one round: the signed input and the issuer's RSA blind signature on it
 * (docs/protocol.md "Upload tokens"). The input is 96 bytes: RFC 9474's random prefix (32), the round's config
 * SHA-256 (32, binding the token to one round whatever the key's period) and the device's nonce (32). What the
 * device cannot choose comes from the signature, which it cannot predict before the issuer signs and gets once per
 * round: its SHA-256 {@link #digest} names the report ({@link #reportId}, bytes 0-15) and fixes the report's public
 * randomness ({@link #publicRandomness}, bytes 16-23 as a big-endian 64-bit integer).
 */
public final class UploadToken {
  public static final int INPUT_BYTES = BlindRsa.PREFIX_BYTES + 32 + 32;

  private final byte[] input;
  private final byte[] signature;
  /** SHA-256 of the signature, once: ingestion reads the report id and the public randomness of every upload. */
  private final byte[] digest;

  public UploadToken(byte[] input, byte[] signature) {
    if (input.length != INPUT_BYTES) {
      throw new IllegalArgumentException("a token input is " + INPUT_BYTES + " bytes, got " + input.length);
    }
    this.input = input.clone();
    this.signature = signature.clone();
    this.digest = TokenKey.sha256(signature);
  }

  public byte[] input() {
    return input.clone();
  }

  public byte[] signature() {
    return signature.clone();
  }

  /** The token message a device has signed for the round whose config hashes to {@code configSha256}. */
  static byte[] message(String configSha256, byte[] nonce) {
    byte[] round = HexFormat.of().parseHex(configSha256);
    if (round.length != 32 || nonce.length != 32) {
      throw new IllegalArgumentException("a token message is a 32-byte config hash and a 32-byte nonce");
    }
    byte[] message = Arrays.copyOf(round, 64);
    System.arraycopy(nonce, 0, message, 32, 32);
    return message;
  }

  /** The round this token was issued for: the config SHA-256 in its input, lower-case hex. */
  public String configSha256() {
    return HexFormat.of().formatHex(input, BlindRsa.PREFIX_BYTES, BlindRsa.PREFIX_BYTES + 32);
  }

  /** SHA-256 of the signature bytes. */
  public byte[] digest() {
    return digest.clone();
  }

  /** The report id the token gives: the digest's first 16 bytes, 32 lower-case hex digits. */
  public String reportId() {
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  /** The report's public randomness: the digest's bytes 16-23, big-endian. */
  public long publicRandomness() {
    return ByteBuffer.wrap(digest, 16, 8).getLong();
  }

  public String inputBase64Url() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(input);
  }

  public String signatureBase64Url() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  /**
   * Decodes base64url without padding ({@code A-Z a-z 0-9 - _}, RFC 4648 section 5): padding, the standard alphabet
   * or whitespace are refused, so one token has one spelling.
   */
  public static byte[] base64Url(String field, String text) {
    // The URL decoder refuses every character outside its alphabet and an impossible length; padding is the one
    // spelling it would also accept.
    if (text.indexOf('=') < 0) {
      try {
        return Base64.getUrlDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        // refused below, with the format's own message
      }
    }
    throw new IllegalArgumentException(field + " must be base64url without padding (A-Z a-z 0-9 - _)");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadToken t && Arrays.equals(input, t.input) && Arrays.equals(signature, t.signature);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(input) + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "UploadToken[report " + reportId() + "]";
  }
}
