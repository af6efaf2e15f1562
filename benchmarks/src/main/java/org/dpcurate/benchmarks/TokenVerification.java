package org.dpcurate.benchmarks;

import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.dpcurate.attestation.BlindRsa;
import org.dpcurate.attestation.SeededSecureRandom;
import org.dpcurate.attestation.TokenIssuer;
import org.dpcurate.attestation.TokenKeys;
import org.dpcurate.attestation.TokenRequest;
import org.dpcurate.attestation.TokenVerifier;
import org.dpcurate.attestation.UploadToken;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Attested uploads' costs on one core (docs/protocol.md "Upload tokens"): the server's check of one token (RSA-PSS
 * verification, what ingestion adds per upload; native where Conscrypt loads) against the JDK's own check, the
 * issuer's blind signature and the device's whole request (prepare, blind, finalize), at RSA-2048 and RSA-4096.
 * Throughput is per core (one thread).
 * Run: java -jar benchmarks/target/benchmarks.jar TokenVerification -f 1 -wi 2 -i 3
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TokenVerification {
  private static final String ROUND = "3f0a9c4e1b7d2a6f5c8e0b1d4a7f2c6e9b3d5a8c1e4f7a2b6d9c0e3f5a8b1c4d";

  @Param({"2048", "4096"})
  int bits;

  private TokenKeys keys;
  private TokenVerifier verifier;
  private UploadToken token;
  private byte[] blinded;
  private String keyId;
  private Signature jdkVerifier;
  private byte[] tokenInput;
  private byte[] tokenSignature;

  @Setup(Level.Trial)
  public void setUp() {
    keys = TokenKeys.generate(bits, SeededSecureRandom.of(bits));
    keyId = keys.published().id();
    verifier = new TokenVerifier(keys.published(), ROUND);
    TokenRequest request = TokenRequest.start(keys.published(), ROUND, SeededSecureRandom.of(1));
    blinded = request.blindedMessage();
    token = request.finish(new TokenIssuer(keys).issue("device", blinded));
    jdkVerifier = BlindRsa.jdkVerifier(keys.published().publicKey());
    tokenInput = token.input();
    tokenSignature = token.signature();
  }

  /** The server: one upload's token checked (key id, signature, round). */
  @Benchmark
  public TokenVerifier.Outcome verify() {
    return verifier.check(keyId, token);
  }

  /** The baseline: the same signature check with the JDK's provider, what a platform without Conscrypt runs. */
  @Benchmark
  public boolean verifyWithJdk() {
    return BlindRsa.verify(jdkVerifier, tokenInput, tokenSignature);
  }

  /** The issuer: one blind signature (CRT private operation and its check). */
  @Benchmark
  public byte[] blindSign() {
    return BlindRsa.blindSign(keys.privateKey(), blinded);
  }
}
