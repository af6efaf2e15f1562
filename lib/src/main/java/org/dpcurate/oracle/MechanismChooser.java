package org.dpcurate.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the oracle with the lowest per-report variance that fits a report-size budget and, optionally, an attack-gain
 * cap. Oracles whose variance is within {@link #VARIANCE_TOLERANCE} of the best are treated as equal and the cheapest
 * to decode wins, so OLH's O(n (g + log g)) aggregation (each report folded into a Walsh spectrum) gives way to FLH's
 * O(n + S g log g) at the same noise.
 *
 * <p>The cap bounds {@link FrequencyOracle#fakeReportGain()}, the honest holders one fake report is worth
 * (docs/security.md): an oracle above it is excluded, except that OLH and FLH first shrink their hash range g to
 * the largest power of two within the cap (at eps 2, g = 2 is worth 1.31 holders where the default g = 8 is worth
 * 2.25, for 2.4x the variance).
 */
public final class MechanismChooser {
  /** Relative variance difference below which decoding cost decides. */
  public static final double VARIANCE_TOLERANCE = 0.05;

  private MechanismChooser() {}

  /** No cap on the attack gain. */
  public static final double NO_GAIN_CAP = Double.POSITIVE_INFINITY;

  /**
   * One oracle's figures; {@code fits} is false when its report exceeds the budget, {@code withinGainCap} when its
   * fake-report gain exceeds the cap.
   */
  public record Option(OracleConfig config, double variancePerReport, int reportBits, double decodeOperations,
      double attackGain, boolean fits, boolean withinGainCap) {
    boolean eligible() {
      return fits && withinGainCap;
    }
  }

  /** The chosen config and the table that justifies it, best first. */
  public record Choice(OracleConfig chosen, List<Option> options) {
    public String table() {
      StringBuilder out = new StringBuilder(
          String.format("%-5s %5s %16s %12s %16s %12s %s%n", "oracle", "g", "var/report", "report bits",
              "decode ops", "attack gain", "eligible"));
      for (Option o : options) {
        out.append(String.format("%-5s %5s %16.4f %12d %16.3e %12.3f %s%n", o.config().kind(),
            o.config().hashRange() > 0 ? Integer.toString(o.config().hashRange()) : "-", o.variancePerReport(),
            o.reportBits(), o.decodeOperations(), o.attackGain(), o.eligible() ? "yes"
                : !o.fits() ? "no: report too large" : "no: attack gain above the cap"));
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

  /** {@link #choose(double, int, int, long, double)} without an attack-gain cap. */
  public static Choice choose(double epsilon, int domainSize, int maxReportBits, long expectedReports) {
    return choose(epsilon, domainSize, maxReportBits, expectedReports, NO_GAIN_CAP);
  }

  /**
   * @param epsilon local budget per report, finite and > 0
   * @param domainSize K
   * @param maxReportBits report-size budget in bits, >= 1
   * @param expectedReports n, for decoding cost, >= 1
   * @param maxAttackGain the most honest holders one fake report may be worth, > 1 ({@link #NO_GAIN_CAP}: any)
   */
  public static Choice choose(double epsilon, int domainSize, int maxReportBits, long expectedReports,
      double maxAttackGain) {
    if (maxReportBits < 1) {
      throw new IllegalArgumentException("maxReportBits must be >= 1, got: " + maxReportBits);
    }
    if (expectedReports < 1) {
      throw new IllegalArgumentException("expectedReports must be >= 1, got: " + expectedReports);
    }
    requireGainCap(maxAttackGain);
    List<Option> options = new ArrayList<>();
    for (OracleKind kind : OracleKind.values()) {
      OracleConfig config = withinGainCap(kind.defaultConfig(epsilon, domainSize, expectedReports, 0L),
          maxAttackGain);
      FrequencyOracle oracle = FrequencyOracle.of(config);
      options.add(new Option(oracle.config(), oracle.variancePerReport(), oracle.reportBits(),
          oracle.decodeOperations(expectedReports), oracle.fakeReportGain(),
          oracle.reportBits() <= maxReportBits, oracle.fakeReportGain() <= maxAttackGain));
    }
    options.sort(Comparator.comparing((Option o) -> !o.eligible()).thenComparingDouble(Option::variancePerReport));
    Option best = options.get(0);
    if (!best.eligible()) {
      boolean anyFits = options.stream().anyMatch(Option::fits);
      throw new IllegalArgumentException(anyFits
          ? String.format("no oracle that fits a report budget of %d bits for K=%d keeps one fake report's gain "
              + "within %s at eps=%s; smallest gain among those that fit: %.3f", maxReportBits, domainSize,
              maxAttackGain, epsilon, options.stream().filter(Option::fits).mapToDouble(Option::attackGain).min()
                  .orElseThrow())
          : "no oracle fits a report budget of " + maxReportBits + " bits for K=" + domainSize + "; smallest needs "
              + options.stream().mapToInt(Option::reportBits).min().orElseThrow() + " bits");
    }
    Option chosen = options.stream()
        .filter(o -> o.eligible() && o.variancePerReport() <= best.variancePerReport() * (1 + VARIANCE_TOLERANCE))
        .min(Comparator.comparingDouble(Option::decodeOperations))
        .orElseThrow();
    return new Choice(chosen.config(), List.copyOf(options));
  }

  /**
   * {@code config} with the largest hash range g (a power of two, at most its own) whose fake-report gain is within
   * {@code maxAttackGain}, for OLH and FLH (g = 2 if none is); every other config as it is.
   */
  public static OracleConfig withinGainCap(OracleConfig config, double maxAttackGain) {
    requireGainCap(maxAttackGain);
    if (config.kind() != OracleKind.OLH && config.kind() != OracleKind.FLH) {
      return config;
    }
    OracleConfig capped = config;
    while (capped.hashRange() > 2 && FrequencyOracle.of(capped).fakeReportGain() > maxAttackGain) {
      capped = capped.withHashRange(capped.hashRange() / 2);
    }
    return capped;
  }

  private static void requireGainCap(double maxAttackGain) {
    if (!(maxAttackGain > 1)) {
      throw new IllegalArgumentException("the attack-gain cap must be > 1 (an honest holder is worth 1; every "
          + "oracle's fake report is worth more), got: " + maxAttackGain);
    }
  }
}
