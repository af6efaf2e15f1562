package org.dpcurate.attestation;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.engines.RSABlindingEngine;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSABlindingParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.conscrypt.Conscrypt;

/**
 * RSA blind signatures, RFC 9474 variant RSABSSA-SHA384-PSS-Randomized: SHA-384, MGF1 with SHA-384, a 48-byte PSS
 * salt and a 32-byte random message prefix. The device prepares and blinds its message, the issuer signs the blinded
 * message without seeing it, the device unblinds (finalizes) it, and anyone verifies the result as an ordinary
 * RSASSA-PSS signature. Blinding, unblinding and the issuer's private operation use BouncyCastle's RSA engines;
 * verification needs only the JDK, and uses Conscrypt's native code where it loads. Every random input comes from
 * the caller's {@link SecureRandom}.
 */
public final class BlindRsa {
  /** The random prefix {@link #prepare} puts before the message (RFC 9474 section 4.1). */
  public static final int PREFIX_BYTES = 32;
  /** The PSS salt length: SHA-384's output length. */
  public static final int SALT_BYTES = 48;

  /** Conscrypt names RSASSA-PSS by its hash; the PSS parameters are set as for the JDK. */
  private static final String NATIVE_ALGORITHM = "SHA384withRSA/PSS";
  private static final Provider NATIVE = nativeProvider();

  private BlindRsa() {}

  /** Prepare (RFC 9474 section 4.1, randomized): a fresh 32-byte prefix, then the message. */
  public static byte[] prepare(byte[] message, SecureRandom random) {
    byte[] prepared = new byte[PREFIX_BYTES + message.length];
    byte[] prefix = new byte[PREFIX_BYTES];
    random.nextBytes(prefix);
    System.arraycopy(prefix, 0, prepared, 0, PREFIX_BYTES);
    System.arraycopy(message, 0, prepared, PREFIX_BYTES, message.length);
    return prepared;
  }

  /**
   * A blinded message and the inverse of its blinding factor, which the device keeps secret to finalize.
   *
   * @param message the blinded message sent to the issuer, as long as the modulus
   * @param inverse {@code inv} of RFC 9474: the blinding factor's inverse modulo n
   */
  public record Blinded(byte[] message, BigInteger inverse) {}

  /** Blind (RFC 9474 section 4.2): PSS-encodes {@code prepared} with a random salt, blinds with a random factor. */
  public static Blinded blind(RSAPublicKey key, byte[] prepared, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    BigInteger n = key.getModulus();
    BigInteger r;
    do {
      r = new BigInteger(n.bitLength(), random);
    } while (r.signum() == 0 || r.compareTo(n) >= 0 || !r.gcd(n).equals(BigInteger.ONE));
    return blind(key, prepared, salt, r.modInverse(n));
  }

  /** Blind with a given salt and blinding-factor inverse: the RFC's test vectors fix both. */
  static Blinded blind(RSAPublicKey key, byte[] prepared, byte[] salt, BigInteger inverse) {
    BigInteger n = key.getModulus();
    PSSSigner encoder = new PSSSigner(new RSABlindingEngine(), new SHA384Digest(), new SHA384Digest(), salt);
    encoder.init(true, new RSABlindingParameters(publicParameters(key), inverse.modInverse(n)));
    encoder.update(prepared, 0, prepared.length);
    try {
      return new Blinded(fixedLength(encoder.generateSignature(), key), inverse);
    } catch (CryptoException e) {
      throw new IllegalArgumentException("cannot PSS-encode the message for this key: " + e.getMessage(), e);
    }
  }

  /**
   * BlindSign (RFC 9474 section 4.3): the issuer's RSA private operation on a blinded message, checked against the
   * public key before it leaves (a faulty CRT result would leak the key).
   */
  public static byte[] blindSign(RSAPrivateCrtKey key, byte[] blindedMessage) {
    BigInteger n = key.getModulus();
    BigInteger m = new BigInteger(1, blindedMessage);
    if (blindedMessage.length != modulusBytes(n) || m.compareTo(n) >= 0) {
      throw new IllegalArgumentException("a blinded message is " + modulusBytes(n) + " bytes below the modulus, got "
          + blindedMessage.length + " bytes");
    }
    RSAEngine engine = new RSAEngine();
    engine.init(true, new RSAPrivateCrtKeyParameters(n, key.getPublicExponent(), key.getPrivateExponent(),
        key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(),
        key.getCrtCoefficient()));
    byte[] s = engine.processBlock(blindedMessage, 0, blindedMessage.length);
    if (!new BigInteger(1, s).modPow(key.getPublicExponent(), n).equals(m)) {
      throw new IllegalStateException("the RSA private operation gave a wrong result; nothing was released");
    }
    return leftPad(s, modulusBytes(n));
  }

  /**
   * Finalize (RFC 9474 section 4.4): unblinds the issuer's answer and verifies it; throws if it is not a valid
   * signature of {@code prepared} (an issuer that signed something else, or another key).
   */
  public static byte[] finalizeSignature(RSAPublicKey key, byte[] prepared, byte[] blindSignature,
      BigInteger inverse) {
    BigInteger n = key.getModulus();
    if (blindSignature.length != modulusBytes(n)) {
      throw new IllegalArgumentException("a blind signature is " + modulusBytes(n) + " bytes, got "
          + blindSignature.length);
    }
    RSABlindingEngine unblinder = new RSABlindingEngine();
    unblinder.init(false, new RSABlindingParameters(publicParameters(key), inverse.modInverse(n)));
    byte[] signature = fixedLength(unblinder.processBlock(blindSignature, 0, blindSignature.length), key);
    if (!verify(key, prepared, signature)) {
      throw new IllegalArgumentException("the issuer's answer does not finalize to a valid signature");
    }
    return signature;
  }

  /** Verify (RFC 9474 section 4.5): RSASSA-PSS with SHA-384, MGF1-SHA-384, a 48-byte salt; the JDK alone. */
  public static boolean verify(RSAPublicKey key, byte[] prepared, byte[] signature) {
    return verify(verifier(key), prepared, signature);
  }

  /**
   * A signature object set up to verify under {@code key}: after each verification it is ready for the next, so a
   * caller that checks many tokens (ingestion) sets it up once. Not thread-safe. It is Conscrypt's (BoringSSL) where
   * its native library loads on this platform, about 1.9x the JDK's throughput at RSA-2048 (benchmarks
   * TokenVerification), and the JDK's elsewhere; both enforce the same hash, MGF and exact salt length.
   */
  public static Signature verifier(RSAPublicKey key) {
    return NATIVE == null ? jdkVerifier(key) : verifier(key, NATIVE_ALGORITHM, NATIVE);
  }

  /** {@link #verifier} from the JDK's own provider: what a device or a platform without Conscrypt uses. */
  public static Signature jdkVerifier(RSAPublicKey key) {
    return verifier(key, "RSASSA-PSS", null);
  }

  private static Signature verifier(RSAPublicKey key, String algorithm, Provider provider) {
    try {
      Signature verifier = provider == null ? Signature.getInstance(algorithm)
          : Signature.getInstance(algorithm, provider);
      verifier.setParameter(new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, SALT_BYTES,
          PSSParameterSpec.TRAILER_FIELD_BC));
      verifier.initVerify(key);
      return verifier;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no RSASSA-PSS with SHA-384 from "
          + (provider == null ? "the JDK" : provider.getName()), e);
    }
  }

  /** Conscrypt's provider if its native library loads here, else null; never installed JVM-wide. */
  private static Provider nativeProvider() {
    try {
      return Conscrypt.isAvailable() ? Conscrypt.newProvider() : null;
    } catch (LinkageError e) {
      return null; // no native library for this platform: the JDK verifies
    }
  }

  /** Verify with a {@link #verifier}; it is reset for the next signature whatever the outcome. */
  public static boolean verify(Signature verifier, byte[] prepared, byte[] signature) {
    try {
      verifier.update(prepared);
      return verifier.verify(signature);
    } catch (java.security.SignatureException e) {
      return false; // a signature of the wrong length or out of range is simply not valid
    }
  }


  private static RSAKeyParameters publicParameters(RSAPublicKey key) {
    return new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent());
  }

  static int modulusBytes(BigInteger n) {
    return (n.bitLength() + 7) / 8;
  }

  private static byte[] fixedLength(byte[] value, RSAPublicKey key) {
    return leftPad(value, modulusBytes(key.getModulus()));
  }

  /** I2OSP: the big-endian value in exactly {@code length} bytes (engines may drop leading zeros). */
  private static byte[] leftPad(byte[] value, int length) {
    if (value.length == length) {
      return value;
    }
    int start = 0;
    while (value.length - start > length && value[start] == 0) {
      start++;
    }
    if (value.length - start > length) {
      throw new IllegalArgumentException("value longer than the modulus");
    }
    byte[] out = new byte[length];
    System.arraycopy(value, start, out, length - (value.length - start), value.length - start);
    return out;
  }
}
