package org.dpcurate.accounting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.MechanismChooser;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The auditor never certifies more privacy loss than an oracle claims (at alpha = 1e-6), finds most of it (so it
 * has power), and catches a randomizer that quietly spends more.
 */
class LdpAuditorTest {
  /** Enough for the audit to see most of the claimed eps; OUE and CMS draw K or m bits a report, so fewer. */
  private static int samples(OracleConfig c) {
    return switch (c.kind()) {
      case OUE, CMS, SS -> 200_000;
      default -> 1_000_000;
    };
  }

  private static final double ALPHA = 1e-6;

  static Stream<OracleConfig> oracles() {
    return Stream.of(0.5, 2.0, 5.0).flatMap(eps -> Stream.of(
        OracleConfig.grr(eps, 256),
        OracleConfig.oue(eps, 256),
        OracleConfig.ss(eps, 256),
        OracleConfig.olh(eps, 4096),
        OracleConfig.flh(eps, 4096, MechanismChooser.seedPoolSize(1_000_000), 9L),
        OracleConfig.cms(eps, 4096, 16, 256, 9L),
        OracleConfig.hcms(eps, 4096, 16, 1024, 9L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oracles")
  void auditedEpsilonNeverExceedsTheClaimAndFindsMostOfIt(OracleConfig config) {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    LdpAuditor.Result r = LdpAuditor.audit(oracle, 3, 200, samples(config), ALPHA,
        new SplittableRandom(config.hashCode()));
    double eps = config.epsilon();
    assertTrue(r.epsilonLowerBound() <= eps, config + ": audited " + r + " above the claimed " + eps);
    assertTrue(r.epsilonLowerBound() >= 0.6 * eps, config + ": audit too weak, " + r);
  }

  @Test
  void aUnaryEncodingThatKeepsTheTrueBitTooOftenIsCaught() {
    double eps = 2;
    int k = 64;
    double q = 1 / (Math.exp(eps) + 1);
    // Claims OUE at eps = 2 but keeps the true bit with probability 0.9 instead of 1/2.
    LdpAuditor.Randomizer broken = (v, rng) -> {
      byte[] bits = new byte[Report.bytesFor(k)];
      for (int i = 0; i < k; i++) {
        if (rng.nextDouble() < (i == v ? 0.9 : q)) {
          bits[i >> 3] |= (byte) (1 << (i & 7));
        }
      }
      return Report.oue(bits);
    };
    LdpAuditor.Result r = LdpAuditor.audit(broken, (report, v) -> report.bit(v), 5, 9, 50_000, ALPHA,
        new SplittableRandom(1));
    assertTrue(r.epsilonLowerBound() > eps, "the broken randomizer must be caught: " + r);
  }
}
