package org.dpcurate.oracle;

import java.util.Locale;

/** The frequency oracles dpcurate implements; the name is what reports and campaign configs carry. */
public enum OracleKind {
  /** k-ary (generalized) randomized response. */
  GRR,
  /** Optimized unary encoding. */
  OUE,
  /** Optimized local hashing with a fresh 64-bit seed per report. */
  OLH,
  /** Local hashing with seeds from a public pool of S seeds (fast decoding). */
  FLH,
  /** Apple's count-mean sketch. */
  CMS,
  /** Apple's Hadamard count-mean sketch (one bit a report). */
  HCMS,
  /** Subset selection: a random subset of d = K/(e^eps+1) candidates that contains the true one more often. */
  SS;

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
