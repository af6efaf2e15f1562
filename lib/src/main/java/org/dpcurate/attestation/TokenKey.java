package org.dpcurate.attestation;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An issuer's public key as a round publishes it: the DER SubjectPublicKeyInfo of an RSA key (at least 2048
 * bits), named by its id, the SHA-256 of those bytes in lower-case hex.
 */
public final class TokenKey {
  /** The smallest modulus accepted: RFC 9474 recommends 2048 bits or more. */
  public static final int MIN_BITS = 2048;

  private final byte[] spki;
  private final RSAPublicKey publicKey;
  private final String id;

  private TokenKey(byte[] spki, RSAPublicKey publicKey) {
    this.spki = spki.clone();
    this.publicKey = publicKey;
    this.id = sha256Hex(spki);
  }

  /** The key of {@code spki} (DER); throws if it is not an RSA public key of at least {@link #MIN_BITS} bits. */
  public static TokenKey fromSpki(byte[] spki) {
    RSAPublicKey key;
    try {
      key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not a DER SubjectPublicKeyInfo of an RSA key: " + e.getMessage(), e);
    }
    if (key.getModulus().bitLength() < MIN_BITS) {
      throw new IllegalArgumentException("an issuer key needs at least " + MIN_BITS + " bits, got "
          + key.getModulus().bitLength());
    }
    return new TokenKey(spki, key);
  }

  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  /** The key of a key file's bytes: DER SubjectPublicKeyInfo, or the same in PEM ({@code BEGIN PUBLIC KEY}). */
  public static TokenKey fromFile(byte[] derOrPem) {
    String text = new String(derOrPem, java.nio.charset.StandardCharsets.US_ASCII);
    int begin = text.indexOf(PEM_BEGIN);
    if (begin < 0) {
      return fromSpki(derOrPem);
    }
    int end = text.indexOf(PEM_END, begin);
    if (end < 0) {
      throw new IllegalArgumentException("a PEM key without its END line");
    }
    return fromSpki(Base64.getMimeDecoder().decode(text.substring(begin + PEM_BEGIN.length(), end)));
  }

  /** The key in PEM, as an operator's key file holds it. */
  public String pem() {
    return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki) + "\n" + PEM_END
        + "\n";
  }

  public static TokenKey of(RSAPublicKey key) {
    return fromSpki(key.getEncoded());
  }

  /** The key of its standard base64 SPKI, as the round config carries it. */
  public static TokenKey fromBase64(String spkiBase64) {
    try {
      return fromSpki(Base64.getDecoder().decode(spkiBase64));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("token.key: " + e.getMessage(), e);
    }
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(spki);
  }

  /** SHA-256 of the SPKI bytes, 64 lower-case hex digits. */
  public String id() {
    return id;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  public int modulusBytes() {
    return BlindRsa.modulusBytes(publicKey.getModulus());
  }

  /** One digest a thread: ingestion hashes every upload's signature, and looking the algorithm up costs as much. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  });

  static byte[] sha256(byte[] bytes) {
    return SHA256.get().digest(bytes);
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes));
  }
}
