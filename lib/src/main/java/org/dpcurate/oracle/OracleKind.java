package org.dpcurate.oracle;

import static org.dpcurate.oracle.PayloadField.BITS;
import static org.dpcurate.oracle.PayloadField.HASH_INDEX;
import static org.dpcurate.oracle.PayloadField.SEED;
import static org.dpcurate.oracle.PayloadField.SIGN;
import static org.dpcurate.oracle.PayloadField.VALUE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The frequency oracles dpcurate implements, and the one table of what differs between them: the payload fields a
 * report carries, whether candidates are hashed, whether the oracle indexes a public salted hash family, the
 * oldest protocol version a server decodes it under, and its default parameters. The name is what reports and
 * campaign configs carry; every list of oracle names is derived from this enum. The facts that depend on a
 * configuration (report bits, variance, the gain of a fake report) belong to the oracle's class
 * ({@link FrequencyOracle#fakeReportGain}). Adding an oracle: a constant here, its class, its
 * {@link OracleConfig} factory and its test fixture.
 */
public enum OracleKind {
  /** k-ary (generalized) randomized response. */
  GRR(EnumSet.of(VALUE), false, false, 1),
  /** Optimized unary encoding. */
  OUE(EnumSet.of(BITS), false, false, 1),
  /** Optimized local hashing with a fresh 64-bit seed per report. */
  OLH(EnumSet.of(SEED, VALUE), true, false, 2),
  /** Local hashing with seeds from a public pool of S seeds (fast decoding). */
  FLH(EnumSet.of(HASH_INDEX, VALUE), true, true, 2),
  /** Apple's count-mean sketch. */
  CMS(EnumSet.of(HASH_INDEX, BITS), true, true, 1),
  /** Apple's Hadamard count-mean sketch (one bit a report). */
  HCMS(EnumSet.of(HASH_INDEX, VALUE, SIGN), true, true, 2),
  /** Subset selection: a random subset of d = K/(e^eps+1) candidates that contains the true one more often. */
  SS(EnumSet.of(BITS), false, false, 1);

  private final Set<PayloadField> payload;
  private final boolean hashed;
  private final boolean hashFamily;
  private final int minProtocolVersion;

  OracleKind(Set<PayloadField> payload, boolean hashed, boolean hashFamily, int minProtocolVersion) {
    this.payload = Set.copyOf(payload);
    this.hashed = hashed;
    this.hashFamily = hashFamily;
    this.minProtocolVersion = minProtocolVersion;
  }

  /** The payload fields a report of this oracle carries; every other field must be absent. */
  public Set<PayloadField> payload() {
    return payload;
  }

  /**
   * Candidates are hashed into a smaller range, so a device holding none of them can still report (a random
   * bucket): the oracles string discovery can use.
   */
  public boolean hashed() {
    return hashed;
  }

  /**
   * Reports index a public hash family ({@code hash_index}) salted per campaign: FLH's seed pool, the sketches'
   * rows. Only these take a hash salt, and only these have collision-aware decoding.
   */
  public boolean hashFamily() {
    return hashFamily;
  }

  /** The oldest protocol version this oracle's reports decode under (OLH, FLH and HCMS changed in version 2). */
  public int minProtocolVersion() {
    return minProtocolVersion;
  }

  /**
   * The oracle's default parameters for a budget, a domain and about {@code expectedReports} reports (FLH's seed
   * pool grows with them), with {@code hashSalt} where the oracle has a hash family.
   */
  public OracleConfig defaultConfig(double epsilon, int domainSize, long expectedReports, long hashSalt) {
    return switch (this) {
      case GRR -> OracleConfig.grr(epsilon, domainSize);
      case OUE -> OracleConfig.oue(epsilon, domainSize);
      case OLH -> OracleConfig.olh(epsilon, domainSize);
      case FLH -> OracleConfig.flh(epsilon, domainSize, MechanismChooser.seedPoolSize(expectedReports), hashSalt);
      case CMS -> OracleConfig.cms(epsilon, domainSize, OracleConfig.sketchRowsFor(domainSize),
          OracleConfig.DEFAULT_SKETCH_COLUMNS, hashSalt);
      case HCMS -> OracleConfig.hcms(epsilon, domainSize, OracleConfig.sketchRowsFor(domainSize),
          OracleConfig.DEFAULT_SKETCH_COLUMNS, hashSalt);
      case SS -> OracleConfig.ss(epsilon, domainSize);
    };
  }

  /** The oracles with a property, in declaration order. */
  public static List<OracleKind> where(Predicate<OracleKind> property) {
    return Arrays.stream(values()).filter(property).toList();
  }

  /**
   * "A, B, C or D" (with {@code conjunction} "or"): {@code first} (if not null) then the others in declaration
   * order, for messages and help.
   */
  public static String listed(List<OracleKind> kinds, OracleKind first, String conjunction) {
    List<String> names = Stream.concat(Stream.ofNullable(first), kinds.stream().filter(k -> k != first))
        .map(OracleKind::name).toList();
    if (names.size() < 2) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " " + names.get(names.size() - 1);
  }

  /** Every oracle's name, comma-separated in declaration order. */
  public static String allNames() {
    return String.join(", ", Arrays.stream(values()).map(OracleKind::name).toList());
  }

  /** Parses a name case-insensitively, naming the allowed values when it fails. */
  public static OracleKind parse(String name) {
    if (name != null) {
      for (OracleKind kind : values()) {
        if (kind.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
          return kind;
        }
      }
    }
    throw new IllegalArgumentException(
        "oracle must be one of " + java.util.Arrays.toString(values()) + ", got: " + name);
  }
}
