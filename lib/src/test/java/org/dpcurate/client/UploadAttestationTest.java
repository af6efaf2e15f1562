package org.dpcurate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.dpcurate.attestation.SeededSecureRandom;
import org.dpcurate.attestation.TokenIssuer;
import org.dpcurate.attestation.TokenKeys;
import org.dpcurate.attestation.TokenRequest;
import org.dpcurate.attestation.TokenVerifier;
import org.dpcurate.attestation.UploadToken;
import org.dpcurate.client.UploadAttestation.Outcome;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every outcome of the server's token check, each from an upload built as a device (or a forger) would. */
class UploadAttestationTest {
  private static final String ROUND = "3f0a9c4e1b7d2a6f5c8e0b1d4a7f2c6e9b3d5a8c1e4f7a2b6d9c0e3f5a8b1c4d";
  private static final String OTHER_ROUND = "0".repeat(63) + "1";
  private static final FrequencyOracle HCMS = FrequencyOracle.of(OracleConfig.hcms(2, 100, 16, 256, 0L));
  private static TokenIssuer issuer;
  private static TokenIssuer otherIssuer;

  @BeforeAll
  static void keys() {
    issuer = new TokenIssuer(TokenKeys.generate(2048, SeededSecureRandom.of(21)));
    otherIssuer = new TokenIssuer(TokenKeys.generate(2048, SeededSecureRandom.of(22)));
  }

  private static UploadToken token(TokenIssuer from, String device, String round) {
    TokenRequest request = TokenRequest.start(from.key(), round, SeededSecureRandom.of(device.hashCode()));
    return request.finish(from.issue(device, request.blindedMessage()));
  }

  private static UploadRecord.Upload upload(String reportId, UploadToken token, String keyId, Report report) {
    return new UploadRecord.Upload(reportId, ROUND, report.oracle(), 2, report, keyId, token);
  }

  @Test
  void eachUploadGetsTheOutcomeOfTheFirstCheckItFails() {
    SplittableRandom rng = new SplittableRandom(3);
    UploadAttestation required = new UploadAttestation(new TokenVerifier(issuer.key(), ROUND), true, HCMS);
    String keyId = issuer.key().id();
    UploadToken good = token(issuer, "device-1", ROUND);
    Report followed = HCMS.randomize(7, good.publicRandomness(), rng);
    assertEquals(Outcome.ATTESTED, required.check(upload(good.reportId(), good, keyId, followed)));

    Report own = HCMS.randomize(7, rng);
    assertEquals(Outcome.MISSING_TOKEN, required.check(upload(good.reportId(), null, null, own)));
    assertEquals(Outcome.UNATTESTED, new UploadAttestation(new TokenVerifier(issuer.key(), ROUND), false, HCMS)
        .check(upload(good.reportId(), null, null, own)));
    assertEquals(Outcome.UNATTESTED, new UploadAttestation(null, true, HCMS)
        .check(upload(good.reportId(), null, null, own)));
    assertEquals(Outcome.UNEXPECTED_TOKEN, new UploadAttestation(null, false, HCMS)
        .check(upload(good.reportId(), good, keyId, followed)));

    UploadToken foreign = token(otherIssuer, "device-2", ROUND);
    assertEquals(Outcome.WRONG_KEY, required.check(upload(foreign.reportId(), foreign, otherIssuer.key().id(),
        HCMS.randomize(7, foreign.publicRandomness(), rng))));
    assertEquals(Outcome.BAD_SIGNATURE, required.check(upload(foreign.reportId(), foreign, keyId,
        HCMS.randomize(7, foreign.publicRandomness(), rng))));
    UploadToken elsewhere = token(issuer, "device-3", OTHER_ROUND);
    assertEquals(Outcome.WRONG_ROUND, required.check(upload(elsewhere.reportId(), elsewhere, keyId,
        HCMS.randomize(7, elsewhere.publicRandomness(), rng))));
    assertEquals(Outcome.WRONG_REPORT_ID,
        required.check(upload("0123456789abcdef0123456789abcdef", good, keyId, followed)));

    // The token's row with another coefficient, and another row: each a report the token does not fix.
    Report otherCoefficient = Report.hcms(followed.hashIndex(), (followed.value() + 1) % 256, followed.sign());
    Report otherRow = Report.hcms((followed.hashIndex() + 1) % 16, followed.value(), followed.sign());
    assertEquals(Outcome.RANDOMNESS_MISMATCH, required.check(upload(good.reportId(), good, keyId, otherCoefficient)));
    assertEquals(Outcome.RANDOMNESS_MISMATCH, required.check(upload(good.reportId(), good, keyId, otherRow)));
    for (Outcome o : Outcome.values()) {
      assertEquals(o == Outcome.ATTESTED || o == Outcome.UNATTESTED, o.accepted(), o.name());
    }
  }
}
