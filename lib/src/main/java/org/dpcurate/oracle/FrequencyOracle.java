package org.dpcurate.oracle;

import java.io.Serializable;
import java.util.random.RandomGenerator;

/**
 * A locally differentially private frequency oracle. Its public face has three parts: the device side
 * ({@link #randomize}, {@link #randomizeAbsent}) with the exact output distribution it samples from
 * ({@link #outputProbability}, {@link #supports}, for the privacy tests and the auditor); the server side
 * ({@link #validate}, {@link #newAggregator}, {@link #variance}); and the report's wire size. The aggregation state's
 * layout, its accumulation and its decoding into unbiased counts stay inside this package, behind
 * {@link OracleAggregator}; so do the mechanism chooser's cost figures. This class holds no mutable state.
 */
public abstract class FrequencyOracle implements Serializable {
  private static final long serialVersionUID = 1L;

  protected final OracleConfig config;

  protected FrequencyOracle(OracleConfig config) {
    this.config = config;
  }

  /** The oracle for a validated config. */
  public static FrequencyOracle of(OracleConfig config) {
    return switch (config.kind()) {
      case GRR -> new GeneralizedRandomizedResponse(config);
      case OUE -> new OptimizedUnaryEncoding(config);
      case OLH -> new OptimizedLocalHashing(config);
      case FLH -> new FastLocalHashing(config);
      case CMS -> new CountMeanSketch(config);
      case HCMS -> new HadamardCountMeanSketch(config);
      case SS -> new SubsetSelection(config);
    };
  }

  public final OracleConfig config() {
    return config;
  }

  public final OracleKind kind() {
    return config.kind();
  }

  public final int domainSize() {
    return config.domainSize();
  }

  /** Device side: one randomized report of candidate {@code value}, drawing all randomness from {@code rng}. */
  public abstract Report randomize(int value, RandomGenerator rng);

  /**
   * Device side, attested upload: as {@link #randomize(int, RandomGenerator)}, but the report's public part (OLH's
   * seed, FLH's hash index, the CMS/HCMS sketch row) comes from {@code publicRandomness}, a uniform 64-bit value
   * derived from the device's upload token, which the device cannot choose (docs/protocol.md "Upload tokens"). The
   * public part is uniform and independent of the value either way, so the report's distribution, and its eps-LDP
   * ratio, are unchanged. Oracles without a public part (GRR, OUE, SS) ignore it.
   */
  public Report randomize(int value, long publicRandomness, RandomGenerator rng) {
    return randomize(value, rng);
  }

  /** Whether {@code report}'s public part is the one {@code publicRandomness} fixes (always, without one). */
  public boolean followsPublicRandomness(Report report, long publicRandomness) {
    return true;
  }

  /** The public part's index in {@code [0, size)} that {@code publicRandomness} gives (unsigned remainder). */
  protected static int publicIndex(long publicRandomness, int size) {
    return (int) Long.remainderUnsigned(publicRandomness, size);
  }

  /**
   * The exact probability that {@link #randomize} outputs {@code report} for {@code value}. For OLH it is the
   * probability conditional on the report's seed, which is drawn independently of the value and cancels in any
   * privacy ratio.
   */
  public abstract double outputProbability(Report report, int value);

  /** Whether {@link #randomizeAbsent} is available: the hashed oracles ({@link OracleKind#hashed}). */
  public final boolean reportsAbsence() {
    return kind().hashed();
  }

  /**
   * Device side: a report of a device whose value is none of the K candidates (a discovery round's device whose
   * prefix is not listed). The hashed oracles encode a uniformly random bucket, as if the device hashed a fresh
   * value from outside the domain: the report supports every candidate with the estimator's null probability, so
   * the estimates stay unbiased and no "other" value concentrates in one bucket, and its output distribution is a
   * mixture of the candidates' distributions, so the eps-LDP ratio holds against every candidate.
   */
  public Report randomizeAbsent(RandomGenerator rng) {
    throw new UnsupportedOperationException(kind() + " cannot report an absent value; use "
        + OracleKind.listed(OracleKind.where(OracleKind::hashed), OracleKind.FLH, "or"));
  }

  /** The exact probability that {@link #randomizeAbsent} outputs {@code report} (OLH: given its seed). */
  public double absentOutputProbability(Report report) {
    throw new UnsupportedOperationException(kind() + " cannot report an absent value; use "
        + OracleKind.listed(OracleKind.where(OracleKind::hashed), OracleKind.FLH, "or"));
  }

  /**
   * Whether the report "supports" candidate {@code value}: the event each estimator counts (GRR reported it, OUE
   * its bit is set, OLH/FLH it hashes to the reported y, CMS its bucket's sign is +1, HCMS the sign matches its
   * Hadamard entry). The LDP auditor measures privacy loss on these events.
   */
  public abstract boolean supports(Report report, int value);

  /**
   * The gain of a fake report: the most one report can add to a candidate's unbiased count, in honest holders (an
   * honest holder adds 1 in expectation). The maximal-gain attack (docs/security.md) reaches it with every report.
   */
  public abstract double fakeReportGain();

  /** Throws {@link InvalidReportException} unless the report could have come from this oracle's config. */
  public final void validate(Report report) {
    if (report == null || report.oracle() != config.kind()) {
      throw new InvalidReportException(
          InvalidReportException.Reason.WRONG_ORACLE,
          "expected a " + config.kind() + " report, got: " + (report == null ? "null" : report.oracle()));
    }
    validatePayload(report);
  }

  protected abstract void validatePayload(Report report);

  /** Length of the integer aggregation state, whose layout only the oracle knows. */
  abstract int stateSize();

  /** Adds a validated report to {@code state}. */
  abstract void accumulate(Report report, long[] state);

  /** How one aggregator adds reports to {@code state}: directly, unless the oracle keeps a faster buffer. */
  Accumulator newAccumulator(long[] state) {
    return report -> accumulate(report, state);
  }

  /** Unbiased estimates of every candidate's count from the merged state of {@code n} reports. */
  abstract double[] unbiasedCounts(long n, long[] state);

  /**
   * Variance of a candidate's count estimate when {@code n} reports were made, {@code count} of them by devices
   * holding that candidate, and {@code otherPairs} = sum over the other candidates u of f(u)(f(u) - 1) (the
   * ordered pairs of devices that hold the same other candidate, which share hash collisions in FLH, CMS and
   * HCMS). Expectation is over the devices' randomness and, for hashed oracles, over the hash family.
   */
  public abstract double variance(long n, double count, double otherPairs);

  /**
   * The variance from the devices' randomness alone, for a fixed hash family: what remains once decoding has
   * removed the family's collisions.
   */
  public double noiseVariance(long n, double count) {
    return variance(n, count, 0);
  }

  /** Bits a report puts on the wire (docs/protocol.md). */
  public abstract int reportBits();

  /** Decoding work, in elementary operations, for {@code n} reports. */
  abstract double decodeOperations(long n);

  /** Per-report variance of an absent candidate's estimate: the mechanism chooser's figure of merit. */
  double variancePerReport() {
    return variance(1, 0, 0);
  }

  public OracleAggregator newAggregator() {
    return new OracleAggregator(this);
  }

  protected final void requireInDomain(int value) {
    if (value < 0 || value >= config.domainSize()) {
      throw new IllegalArgumentException(
          "value must be a candidate index in [0, " + config.domainSize() + "), got: " + value);
    }
  }

  protected static void requireRange(InvalidReportException.Reason reason, String field, long v, long bound) {
    if (v < 0 || v >= bound) {
      throw new InvalidReportException(reason, field + " must be in [0, " + bound + "), got: " + v);
    }
  }

  protected static void requireBits(Report report, int count) {
    byte[] bits = report.bits();
    int bytes = Report.bytesFor(count);
    if (bits == null || bits.length != bytes) {
      throw new InvalidReportException(
          InvalidReportException.Reason.BAD_BITS,
          "bits must hold " + count + " bits in " + bytes + " bytes, got: "
              + (bits == null ? "null" : bits.length + " bytes"));
    }
    int spare = bytes * 8 - count;
    if (spare > 0 && (bits[bytes - 1] & 0xFF) >>> (8 - spare) != 0) {
      throw new InvalidReportException(
          InvalidReportException.Reason.BAD_BITS, "padding bits beyond bit " + count + " must be 0");
    }
  }

  /** True with probability {@code p}. */
  protected static boolean bernoulli(RandomGenerator rng, double p) {
    return rng.nextDouble() < p;
  }
}
