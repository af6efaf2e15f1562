package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad parameters fail fast, naming the parameter and the allowed range. */
class BadParametersTest {

  private static void assertMessage(Executable call, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
    }
  }

  @Test
  void epsilonMustBePositiveAndFinite() {
    for (double eps : new double[] {0, -1, Double.NaN}) {
      for (OracleKind kind : OracleKind.values()) {
        assertMessage(() -> new OracleConfig(kind, eps, 10, 0, 0, 0, 0, 0L), "epsilon", "> 0");
      }
    }
    assertMessage(() -> OracleConfig.cms(Double.POSITIVE_INFINITY, 10, 2, 8, 0L), "epsilon", "finite");
    assertMessage(() -> OracleConfig.olh(Double.POSITIVE_INFINITY, 10), "epsilon");
    // GRR at +Infinity is the non-private reference: it reports the truth.
    FrequencyOracle exact = FrequencyOracle.of(OracleConfig.grr(Double.POSITIVE_INFINITY, 10));
    assertEquals(Report.grr(4), exact.randomize(4, new SplittableRandom(1)));
  }

  @Test
  void domainMustHoldTwoCandidates() {
    assertMessage(() -> OracleConfig.grr(1, 1), "domainSize K", "[2,");
    assertMessage(() -> OracleConfig.oue(1, 0), "domainSize K");
  }

  @Test
  void hcmsNeedsAPowerOfTwo() {
    assertMessage(() -> OracleConfig.hcms(1, 10, 4, 1000, 0L), "sketchColumns m", "power of two", "1000");
  }

  @Test
  void sketchAndPoolSizesAreRangeChecked() {
    assertMessage(() -> OracleConfig.cms(1, 10, 0, 64, 0L), "sketchRows k", "[1,");
    assertMessage(() -> OracleConfig.cms(1, 10, 4, 1, 0L), "sketchColumns m", "[2,");
    assertMessage(() -> OracleConfig.flh(1, 10, 0, 0L), "seedPoolSize S", "[1,");
    assertMessage(() -> new OracleConfig(OracleKind.GRR, 1, 10, 5, 0, 0, 0, 0L), "hashRange g", "does not apply");
  }

  @Test
  void valuesOutsideTheDomainAreRefused() {
    for (OracleKind kind : OracleKind.values()) {
      FrequencyOracle oracle = FrequencyOracle.of(OracleConfig.withDefaults(kind, 1, 10));
      SplittableRandom rng = new SplittableRandom(1);
      assertMessage(() -> oracle.randomize(10, rng), "value", "[0, 10)", "10");
      assertMessage(() -> oracle.randomize(-1, rng), "value", "[0, 10)");
    }
  }

  @Test
  void reportsFromAnotherOracleOrOutOfRangeAreRefused() {
    OracleAggregator grr = FrequencyOracle.of(OracleConfig.grr(1, 10)).newAggregator();
    assertReason(() -> grr.add(Report.olh(1, 0)), InvalidReportException.Reason.WRONG_ORACLE, "GRR");
    assertReason(() -> grr.add(Report.grr(10)), InvalidReportException.Reason.VALUE_OUT_OF_RANGE, "[0, 10)");
    OracleAggregator oue = FrequencyOracle.of(OracleConfig.oue(1, 10)).newAggregator();
    assertReason(() -> oue.add(Report.oue(new byte[1])), InvalidReportException.Reason.BAD_BITS, "10 bits");
    assertReason(() -> oue.add(Report.oue(new byte[] {0, (byte) 0x80})), InvalidReportException.Reason.BAD_BITS,
        "padding");
    OracleAggregator ss = FrequencyOracle.of(OracleConfig.ss(1, 10)).newAggregator();
    assertReason(() -> ss.add(Report.ss(new byte[] {0, 0})), InvalidReportException.Reason.BAD_BITS, "exactly");
    OracleAggregator flh = FrequencyOracle.of(OracleConfig.flh(1, 10, 8, 0L)).newAggregator();
    assertReason(() -> flh.add(Report.flh(8, 0)), InvalidReportException.Reason.HASH_INDEX_OUT_OF_RANGE, "[0, 8)");
    OracleAggregator hcms = FrequencyOracle.of(OracleConfig.hcms(1, 10, 4, 8, 0L)).newAggregator();
    assertReason(() -> hcms.add(Report.hcms(0, 0, 0)), InvalidReportException.Reason.BAD_SIGN, "+1 or -1");
    assertReason(() -> hcms.add(Report.hcms(0, 8, 1)), InvalidReportException.Reason.VALUE_OUT_OF_RANGE, "[0, 8)");
    assertEquals(0, grr.reports() + oue.reports() + flh.reports() + hcms.reports(), "rejected reports must not count");
  }

  private static void assertReason(Executable call, InvalidReportException.Reason reason, String fragment) {
    InvalidReportException e = assertThrows(InvalidReportException.class, call);
    assertEquals(reason, e.reason());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void oracleNamesParseOrListTheChoices() {
    assertEquals(OracleKind.HCMS, OracleKind.parse("hcms"));
    assertMessage(() -> OracleKind.parse("rappor"), "GRR", "HCMS", "rappor");
  }
}
