package org.dpcurate.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dpcurate.attestation.SeededSecureRandom;
import org.dpcurate.attestation.TokenIssuer;
import org.dpcurate.attestation.TokenKeys;
import org.dpcurate.attestation.TokenRequest;
import org.dpcurate.attestation.UploadToken;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.oracle.FrequencyOracle;

/**
 * Writes the inputs of the attested-ingestion benchmark (bin/bench-attested-ingest, docs/benchmarks.md):
 * {@code key FILE} writes the seeded issuer's public key (PEM); {@code uploads CONFIG DIR N} writes N devices'
 * upload lines for the published round config CONFIG into batch directory DIR, each device's token from the
 * reference issuer (protocol.md "Upload tokens") when the config names a token key, else none. Votes are Zipf(1.1)
 * over the round's candidates; every random input is seeded.
 * Run: java -cp benchmarks/target/benchmarks.jar org.dpcurate.benchmarks.AttestedUploads key|uploads ...
 */
public final class AttestedUploads {
  private static final int FILES = 8;

  private AttestedUploads() {}

  static TokenKeys issuerKeys() {
    return TokenKeys.generate(2048, SeededSecureRandom.of(2048));
  }

  public static void main(String[] args) throws IOException {
    if (args[0].equals("key")) {
      Files.writeString(Path.of(args[1]), issuerKeys().published().pem());
      return;
    }
    String text = Files.readString(Path.of(args[1]));
    RoundConfig config = RoundConfig.parse(text);
    String round = RoundConfig.sha256(text);
    Path dir = Files.createDirectories(Path.of(args[2]));
    int n = Integer.parseInt(args[3]);
    FrequencyOracle oracle = FrequencyOracle.of(config.oracle());
    TokenIssuer issuer = config.tokens() == null ? null : new TokenIssuer(issuerKeys());
    org.dpcurate.synthesis.Weights votes = org.dpcurate.synthesis.Weights.zipf(
        IntStream.range(0, config.oracle().domainSize()).toArray(), 1.1);
    long start = System.nanoTime();
    IntStream.range(0, FILES).parallel().forEach(f -> {
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("part-" + f + ".jsonl"),
          StandardCharsets.UTF_8)) {
        for (int d = f; d < n; d += FILES) {
          SplittableRandom rng = new SplittableRandom(31L * d + 1);
          int vote = votes.draw(rng);
          String line;
          if (issuer == null) {
            line = UploadRecord.encode(UploadRecord.reportId(rng.nextLong(), rng.nextLong()), round,
                oracle.randomize(vote, rng), config.oracle().epsilon());
          } else {
            TokenRequest request = TokenRequest.start(config.tokens().key(), round, SeededSecureRandom.of(d));
            UploadToken token = request.finish(issuer.issue("device-" + d, request.blindedMessage()));
            line = UploadRecord.encode(token, config.tokens().key().id(), round,
                oracle.randomize(vote, token.publicRandomness(), rng), config.oracle().epsilon());
          }
          out.write(line);
          out.write('\n');
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    System.out.printf("wrote %d uploads%s to %s in %.1f s%n", n, issuer == null ? "" : " with tokens", dir,
        (System.nanoTime() - start) / 1e9);
  }
}
