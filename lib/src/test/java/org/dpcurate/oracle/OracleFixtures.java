package org.dpcurate.oracle;

import java.util.ArrayList;
import java.util.List;

/** Small configs and complete output spaces for exact checks. */
final class OracleFixtures {
  private OracleFixtures() {}

  /** Configs small enough to enumerate every output, at the given eps. */
  static List<OracleConfig> smallConfigs(double eps) {
    List<OracleConfig> configs = new ArrayList<>();
    for (int k : new int[] {2, 3, 5, 8}) {
      configs.add(OracleConfig.grr(eps, k));
      configs.add(OracleConfig.oue(eps, k));
      configs.add(OracleConfig.olh(eps, k));
      configs.add(OracleConfig.flh(eps, k, 16, 99L));
      configs.add(OracleConfig.cms(eps, k, 3, 4, 7L));
      configs.add(OracleConfig.hcms(eps, k, 3, 4, 7L));
      configs.add(OracleConfig.ss(eps, k));
    }
    configs.add(OracleConfig.cms(eps, 8, 2, 8, 1L));
    configs.add(OracleConfig.hcms(eps, 8, 2, 8, 1L));
    return configs;
  }

  /**
   * Every possible report. For OLH the 64-bit seed space is replaced by the first {@code olhSeeds} seeds, and
   * probabilities are conditional on the seed.
   */
  static List<Report> outputs(OracleConfig c, int olhSeeds) {
    List<Report> out = new ArrayList<>();
    switch (c.kind()) {
      case GRR -> {
        for (int v = 0; v < c.domainSize(); v++) {
          out.add(Report.grr(v));
        }
      }
      case OUE -> {
        for (int pattern = 0; pattern < 1 << c.domainSize(); pattern++) {
          out.add(Report.oue(bitsOf(pattern, c.domainSize())));
        }
      }
      case SS -> {
        int d = ((SubsetSelection) FrequencyOracle.of(c)).subsetSize();
        for (int pattern = 0; pattern < 1 << c.domainSize(); pattern++) {
          if (Integer.bitCount(pattern) == d) {
            out.add(Report.ss(bitsOf(pattern, c.domainSize())));
          }
        }
      }
      case OLH -> {
        for (long s = 0; s < olhSeeds; s++) {
          for (int y = 0; y < c.hashRange(); y++) {
            out.add(Report.olh(s * 0x9E3779B97F4A7C15L, y));
          }
        }
      }
      case FLH -> {
        for (int i = 0; i < c.seedPoolSize(); i++) {
          for (int y = 0; y < c.hashRange(); y++) {
            out.add(Report.flh(i, y));
          }
        }
      }
      case CMS -> {
        for (int j = 0; j < c.sketchRows(); j++) {
          for (int pattern = 0; pattern < 1 << c.sketchColumns(); pattern++) {
            out.add(Report.cms(j, bitsOf(pattern, c.sketchColumns())));
          }
        }
      }
      case HCMS -> {
        for (int j = 0; j < c.sketchRows(); j++) {
          for (int l = 0; l < c.sketchColumns(); l++) {
            out.add(Report.hcms(j, l, 1));
            out.add(Report.hcms(j, l, -1));
          }
        }
      }
    }
    return out;
  }

  static byte[] bitsOf(int pattern, int count) {
    byte[] bits = new byte[Report.bytesFor(count)];
    for (int i = 0; i < count; i++) {
      if ((pattern >> i & 1) != 0) {
        bits[i >> 3] |= (byte) (1 << (i & 7));
      }
    }
    return bits;
  }
}
