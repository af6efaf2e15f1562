package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of per-oracle facts agrees with the oracles themselves. */
class OracleKindTest {
  @Test
  void theDefaultConfigIsOfItsKindAndBuildsAnOracle() {
    for (OracleKind kind : OracleKind.values()) {
      OracleConfig c = kind.defaultConfig(2, 300, 1_000_000, 5L);
      assertEquals(kind, c.kind());
      assertEquals(kind, FrequencyOracle.of(c).kind());
      assertEquals(kind.hashFamily() ? 5L : 0L, c.hashSalt(), kind + ": only hash families take a salt");
    }
  }

  @Test
  void theHashFamilyOraclesAreTheOnesWithCollisionAwareDecoding() {
    for (OracleKind kind : OracleKind.values()) {
      FrequencyOracle oracle = FrequencyOracle.of(kind.defaultConfig(2, 300, 1000, 0L));
      assertEquals(kind.hashFamily(), oracle instanceof HashedOracle, kind.name());
      assertEquals(kind.hashFamily(), kind.payload().contains(PayloadField.HASH_INDEX), kind.name());
    }
  }

  @Test
  void hashedOraclesCanReportAbsenceAndTheOthersCannot() {
    for (OracleKind kind : OracleKind.values()) {
      FrequencyOracle oracle = FrequencyOracle.of(kind.defaultConfig(2, 300, 1000, 0L));
      boolean reportsAbsence;
      try {
        oracle.randomizeAbsent(new java.util.SplittableRandom(1));
        reportsAbsence = true;
      } catch (UnsupportedOperationException e) {
        reportsAbsence = false;
      }
      assertEquals(kind.hashed(), reportsAbsence, kind.name());
    }
  }

  @Test
  void listsAreDerivedFromTheTable() {
    assertEquals("FLH, OLH, CMS or HCMS", OracleKind.listed(OracleKind.where(OracleKind::hashed), OracleKind.FLH,
        "or"));
    assertEquals("GRR, OUE, OLH, FLH, CMS, HCMS, SS", OracleKind.allNames());
    assertTrue(OracleKind.where(k -> k.minProtocolVersion() > 1).containsAll(List.of(OracleKind.OLH,
        OracleKind.FLH, OracleKind.HCMS)));
  }
}
