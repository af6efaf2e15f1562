package org.dpcurate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.junit.jupiter.api.Test;

/** The round config is the device protocol: what is written is read back exactly, and bad files are refused. */
class RoundConfigTest {
  private static final LocalDate DS = LocalDate.parse("2026-05-01");

  @Test
  void everyOracleRoundTripsWithItsDefaults() {
    for (OracleKind kind : OracleKind.values()) {
      RoundConfig c = RoundConfig.of("c", DS, 3, kind.defaultConfig(2, 500, 100_000, 17L));
      RoundConfig back = RoundConfig.parse(c.format());
      assertEquals(c, back, kind.name());
      assertEquals(RoundConfig.PROTOCOL_VERSION, back.protocolVersion(), "every round is published under the "
          + "current version (4: uploads name their round)");
      assertTrue(back.uploadsNameRound());
    }
  }

  @Test
  void aBudgetedRoundWithEmbeddingAndSamplingRoundTrips() {
    RoundConfig c = RoundConfig.of("c", DS, 2, OracleConfig.grr(2, 100), 0.25,
        new RoundConfig.Embedding("all-minilm-l6-v2-q", 384), new RoundConfig.Download(300_000, 1, 100, 250_000));
    RoundConfig back = RoundConfig.parse(c.format());
    assertEquals(c, back);
    assertEquals(RoundConfig.PROTOCOL_VERSION, back.protocolVersion());
    assertEquals(1, back.segments());
  }

  @Test
  void theSameConfigHasTheSameBytesAndAnotherHasAnotherHash() {
    RoundConfig a = RoundConfig.of("c", DS, 1, OracleConfig.grr(2, 100));
    assertEquals(a.format(), RoundConfig.of("c", DS, 1, OracleConfig.grr(2, 100)).format());
    assertEquals(64, RoundConfig.sha256(a.format()).length());
    assertNotEquals(RoundConfig.sha256(a.format()),
        RoundConfig.sha256(RoundConfig.of("c", DS, 1, OracleConfig.grr(3, 100)).format()));
  }

  @Test
  void missingKeysAndBadValuesAreRefusedByName() {
    String text = RoundConfig.of("c", DS, 1, OracleConfig.grr(2, 100)).format();
    RoundConfig.InvalidRoundConfigException missing = assertThrows(RoundConfig.InvalidRoundConfigException.class,
        () -> RoundConfig.parse(text.replaceAll("domain.size=\\d+\n", "")));
    assertTrue(missing.getMessage().contains("domain.size"), missing.getMessage());
    RoundConfig.InvalidRoundConfigException rate = assertThrows(RoundConfig.InvalidRoundConfigException.class,
        () -> RoundConfig.parse(text + "sampling.rate=1.5\n"));
    assertTrue(rate.getMessage().contains("sampling.rate"), rate.getMessage());
    assertThrows(RoundConfig.InvalidRoundConfigException.class,
        () -> RoundConfig.parse(text.replace("epsilon=2.0", "epsilon=two")));
  }

  @Test
  void versionsThisCodeCannotDecodeAreRefused() {
    String flh = RoundConfig.of("c", DS, 1, OracleConfig.flh(2, 100, 1024, 0L)).format();
    RoundConfig.UnsupportedVersionException old = assertThrows(RoundConfig.UnsupportedVersionException.class,
        () -> RoundConfig.parse(flh.replaceAll("protocol.version=\\d+\n", "")));
    assertTrue(old.getMessage().contains("protocol version 1 for FLH"), old.getMessage());
    assertThrows(RoundConfig.UnsupportedVersionException.class, () -> RoundConfig.parse(
        flh.replaceAll("protocol.version=\\d+", "protocol.version=" + (RoundConfig.PROTOCOL_VERSION + 1))));
    String grr = RoundConfig.of("c", DS, 1, OracleConfig.grr(2, 100)).format();
    RoundConfig version1 = RoundConfig.parse(grr.replaceAll("protocol.version=\\d+\n", ""));
    assertEquals(1, version1.protocolVersion(), "GRR did not change between versions");
    assertFalse(version1.uploadsNameRound(), "uploads name their round from version 4 on");
    assertFalse(RoundConfig.parse(grr.replace("protocol.version=" + RoundConfig.PROTOCOL_VERSION, "protocol.version=3")).uploadsNameRound());
  }

  @Test
  void anIssuerKeyTravelsInTheConfigAndMustMatchItsId() {
    org.dpcurate.attestation.TokenKey key = org.dpcurate.attestation.TokenKeys.generate(2048,
        org.dpcurate.attestation.SeededSecureRandom.of(3)).published();
    RoundConfig c = RoundConfig.of("c", DS, 1, OracleConfig.olh(2, 100)).withTokens(new RoundConfig.Tokens(key, true));
    String text = c.format();
    assertTrue(text.contains("token.key.id=" + key.id() + "\n") && text.contains("token.required=true\n"), text);
    RoundConfig back = RoundConfig.parse(text);
    assertEquals(key.id(), back.tokens().key().id());
    assertTrue(back.tokens().required());
    assertEquals(text, back.format());
    assertNull(RoundConfig.parse(RoundConfig.of("c", DS, 1, OracleConfig.olh(2, 100)).format()).tokens());
    RoundConfig.InvalidRoundConfigException wrongId = assertThrows(RoundConfig.InvalidRoundConfigException.class,
        () -> RoundConfig.parse(text.replace("token.key.id=" + key.id(), "token.key.id=" + "0".repeat(64))));
    assertTrue(wrongId.getMessage().contains("is not the SHA-256 of token.key"), wrongId.getMessage());
    assertThrows(RoundConfig.InvalidRoundConfigException.class,
        () -> RoundConfig.parse(text.replace("token.required=true\n", "")));
    assertThrows(RoundConfig.InvalidRoundConfigException.class,
        () -> RoundConfig.parse(text.replace("token.required=true", "token.required=yes")));
  }
}
