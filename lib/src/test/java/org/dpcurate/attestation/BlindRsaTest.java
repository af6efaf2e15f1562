package org.dpcurate.attestation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** RFC 9474's test vector byte for byte, and the protocol's round trip and refusals with fresh keys. */
class BlindRsaTest {
  private static final HexFormat HEX = HexFormat.of();

  /** Test vector 1 of RFC 9474 Appendix A, copied into the test resources with its source named. */
  static Properties vector() throws IOException {
    Properties v = new Properties();
    try (InputStream in = BlindRsaTest.class.getResourceAsStream("rfc9474-vector1.properties")) {
      v.load(in);
    }
    return v;
  }

  static BigInteger integer(Properties v, String name) {
    return new BigInteger(v.getProperty(name), 16);
  }

  static byte[] bytes(Properties v, String name) {
    return HEX.parseHex(v.getProperty(name));
  }

  static RSAPublicKey publicKey(Properties v) throws Exception {
    return (RSAPublicKey) KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(integer(v, "n"), integer(v, "e")));
  }

  static RSAPrivateCrtKey privateKey(Properties v) throws Exception {
    BigInteger p = integer(v, "p");
    BigInteger q = integer(v, "q");
    BigInteger d = integer(v, "d");
    return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
        integer(v, "n"), integer(v, "e"), d, p, q, d.mod(p.subtract(BigInteger.ONE)),
        d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p)));
  }

  @Test
  void rfc9474TestVectorPassesByteForByte() throws Exception {
    Properties v = vector();
    assertEquals("RSABSSA-SHA384-PSS-Randomized", v.getProperty("name"));
    RSAPublicKey pk = publicKey(v);
    byte[] prepared = bytes(v, "input_msg");
    byte[] prefix = bytes(v, "msg_prefix");
    assertArrayEquals(prefix, Arrays.copyOf(prepared, BlindRsa.PREFIX_BYTES));
    assertArrayEquals(bytes(v, "msg"), Arrays.copyOfRange(prepared, BlindRsa.PREFIX_BYTES, prepared.length));
    assertArrayEquals(prepared, BlindRsa.prepare(bytes(v, "msg"), fixedBytes(prefix)));

    BlindRsa.Blinded blinded = BlindRsa.blind(pk, prepared, bytes(v, "salt"), integer(v, "inv"));
    assertArrayEquals(bytes(v, "blinded_msg"), blinded.message());
    byte[] blindSig = BlindRsa.blindSign(privateKey(v), blinded.message());
    assertArrayEquals(bytes(v, "blind_sig"), blindSig);
    assertArrayEquals(bytes(v, "sig"), BlindRsa.finalizeSignature(pk, prepared, blindSig, blinded.inverse()));
    assertTrue(BlindRsa.verify(pk, prepared, bytes(v, "sig")));
  }

  @Test
  void aSignatureVerifiesOnlyForItsMessageAndKey() throws Exception {
    Properties v = vector();
    RSAPublicKey pk = publicKey(v);
    byte[] prepared = bytes(v, "input_msg");
    byte[] sig = bytes(v, "sig");
    byte[] otherMessage = prepared.clone();
    otherMessage[prepared.length - 1] ^= 1;
    assertFalse(BlindRsa.verify(pk, otherMessage, sig));
    byte[] otherSig = sig.clone();
    otherSig[10] ^= 1;
    assertFalse(BlindRsa.verify(pk, prepared, otherSig));
    assertFalse(BlindRsa.verify(pk, prepared, Arrays.copyOf(sig, 100)));
    RSAPublicKey other = TokenKeys.generate(2048, seeded(7)).publicKey();
    assertFalse(BlindRsa.verify(other, prepared, sig));
  }

  @Test
  void theNativeVerifierAgreesWithTheJdksOnValidAndInvalidSignatures() throws Exception {
    Properties v = vector();
    RSAPublicKey pk = publicKey(v);
    byte[] prepared = bytes(v, "input_msg");
    byte[] sig = bytes(v, "sig");
    if (System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64")) {
      assertEquals("Conscrypt", BlindRsa.verifier(pk).getProvider().getName(), "ingestion's verifier is native here");
    }
    List<byte[]> signatures = new ArrayList<>(List.of(sig, new byte[0],
        Arrays.copyOf(sig, 255), Arrays.copyOf(sig, 257), pk.getModulus().toByteArray(), new byte[256]));
    for (int bit = 0; bit < 2048; bit += 97) {
      byte[] flipped = sig.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      signatures.add(flipped);
    }
    // PSS signatures of the same input under other salt lengths and hashes: valid RSASSA-PSS, not this variant's.
    for (String[] params : new String[][] {{"SHA-384", "32"}, {"SHA-384", "0"}, {"SHA-256", "48"}}) {
      Signature signer = Signature.getInstance("RSASSA-PSS");
      signer.setParameter(new PSSParameterSpec(params[0], "MGF1",
          new MGF1ParameterSpec(params[0]), Integer.parseInt(params[1]), 1));
      signer.initSign(privateKey(v), seeded(5));
      signer.update(prepared);
      signatures.add(signer.sign());
    }
    Signature nativeVerifier = BlindRsa.verifier(pk);
    Signature jdkVerifier = BlindRsa.jdkVerifier(pk);
    int valid = 0;
    for (byte[] s : signatures) {
      boolean expected = BlindRsa.verify(jdkVerifier, prepared, s);
      assertEquals(expected, BlindRsa.verify(nativeVerifier, prepared, s), "signature " + HEX.formatHex(s));
      valid += expected ? 1 : 0;
    }
    assertEquals(1, valid, "only the vector's own signature is valid");
    byte[] otherMessage = prepared.clone();
    otherMessage[0] ^= 1;
    assertFalse(BlindRsa.verify(nativeVerifier, otherMessage, sig));
    assertTrue(BlindRsa.verify(nativeVerifier, prepared, sig), "a verifier is reusable after refusals");
  }

  @Test
  void theProtocolRoundTripsWithAFreshKeyAndSeededRandomness() throws Exception {
    TokenKeys keys = TokenKeys.generate(2048, seeded(1));
    byte[] prepared = BlindRsa.prepare("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), seeded(2));
    BlindRsa.Blinded a = BlindRsa.blind(keys.publicKey(), prepared, seeded(3));
    BlindRsa.Blinded b = BlindRsa.blind(keys.publicKey(), prepared, seeded(3));
    assertArrayEquals(a.message(), b.message(), "the same seed blinds the same way");
    byte[] sig = BlindRsa.finalizeSignature(keys.publicKey(), prepared,
        BlindRsa.blindSign(keys.privateKey(), a.message()), a.inverse());
    assertTrue(BlindRsa.verify(keys.publicKey(), prepared, sig));
    BlindRsa.Blinded c = BlindRsa.blind(keys.publicKey(), prepared, seeded(4));
    assertFalse(Arrays.equals(a.message(), c.message()), "another blinding factor hides the message differently");
    // The issuer's answer to another blinded message does not finalize for this one.
    byte[] wrong = BlindRsa.blindSign(keys.privateKey(), c.message());
    assertThrows(IllegalArgumentException.class,
        () -> BlindRsa.finalizeSignature(keys.publicKey(), prepared, wrong, a.inverse()));
  }

  static SecureRandom seeded(long seed) {
    return SeededSecureRandom.of(seed);
  }

  /** A SecureRandom that hands out exactly {@code bytes} (the vector's prefix). */
  private static SecureRandom fixedBytes(byte[] bytes) {
    return new SecureRandom() {
      private static final long serialVersionUID = 1L;

      @Override
      public void nextBytes(byte[] out) {
        System.arraycopy(bytes, 0, out, 0, out.length);
      }
    };
  }
}
