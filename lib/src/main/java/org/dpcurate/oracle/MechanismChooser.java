package org.dpcurate.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the oracle with the lowest per-report variance that fits a report-size budget. Oracles whose variance is
 * within {@link #VARIANCE_TOLERANCE} of the best are treated as equal and the cheapest to decode wins, so OLH's
 * O(n (g + log g)) aggregation (each report folded into a Walsh spectrum) gives way to FLH's O(n + S g log g) at the
 * same noise.
 */
public final class MechanismChooser {
  /** Relative variance difference below which decoding cost decides. */
  public static final double VARIANCE_TOLERANCE = 0.05;

  private MechanismChooser() {}

  /** One oracle's figures; {@code fits} is false when its report exceeds the budget. */
  public record Option(OracleConfig config, double variancePerReport, int reportBits, double decodeOperations,
      boolean fits) {}

  /** The chosen config and the table that justifies it, best first. */
  public record Choice(OracleConfig chosen, List<Option> options) {
    public String table() {
      StringBuilder out = new StringBuilder(
          String.format("%-5s %16s %12s %16s %s%n", "oracle", "var/report", "report bits", "decode ops", "fits"));
      for (Option o : options) {
        out.append(String.format("%-5s %16.4f %12d %16.3e %s%n", o.config().kind(), o.variancePerReport(),
            o.reportBits(), o.decodeOperations(), o.fits() ? "yes" : "no"));
      }
      return out.toString();
    }
  }

  /**
   * FLH's seed pool for n reports: devices sharing a seed and a value collide together, adding
   * sum f(f-1) / (S (g-1)) to every variance, which heavy hitters make large unless S grows with n. One pool seed
   * per 16 reports, as a power of two in [1024, 65536], keeps that term a few percent of the noise while the
   * S x g state stays small (at most 65536 g counts).
   */
  public static int seedPoolSize(long expectedReports) {
    long target = Math.max(1, expectedReports / 16);
    int size = OracleConfig.DEFAULT_SEED_POOL_SIZE;
    while (size < target && size < 65536) {
      size <<= 1;
    }
    return size;
  }

  /**
   * @param epsilon local budget per report, finite and > 0
   * @param domainSize K
   * @param maxReportBits report-size budget in bits, >= 1
   * @param expectedReports n, for decoding cost, >= 1
   */
  public static Choice choose(double epsilon, int domainSize, int maxReportBits, long expectedReports) {
    if (maxReportBits < 1) {
      throw new IllegalArgumentException("maxReportBits must be >= 1, got: " + maxReportBits);
    }
    if (expectedReports < 1) {
      throw new IllegalArgumentException("expectedReports must be >= 1, got: " + expectedReports);
    }
    List<Option> options = new ArrayList<>();
    for (OracleKind kind : OracleKind.values()) {
      OracleConfig config = kind.defaultConfig(epsilon, domainSize, expectedReports, 0L);
      FrequencyOracle oracle = FrequencyOracle.of(config);
      options.add(new Option(oracle.config(), oracle.variancePerReport(), oracle.reportBits(),
          oracle.decodeOperations(expectedReports), oracle.reportBits() <= maxReportBits));
    }
    options.sort(Comparator.comparing((Option o) -> !o.fits()).thenComparingDouble(Option::variancePerReport));
    Option best = options.get(0);
    if (!best.fits()) {
      throw new IllegalArgumentException(
          "no oracle fits a report budget of " + maxReportBits + " bits for K=" + domainSize + "; smallest needs "
              + options.stream().mapToInt(Option::reportBits).min().orElseThrow() + " bits");
    }
    Option chosen = options.stream()
        .filter(o -> o.fits() && o.variancePerReport() <= best.variancePerReport() * (1 + VARIANCE_TOLERANCE))
        .min(Comparator.comparingDouble(Option::decodeOperations))
        .orElseThrow();
    return new Choice(chosen.config(), List.copyOf(options));
  }
}
