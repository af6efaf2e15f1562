package org.dpcurate.oracle;

import java.util.Arrays;

/**
 * One device's randomized report: the wire payload of docs/protocol.md. Fields an oracle does not use are 0 (or
 * null for {@code bits}).
 *
 * @param oracle the oracle that produced it
 * @param hashIndex FLH seed-pool index, CMS/HCMS hash-function index j
 * @param seed OLH's per-report 64-bit hash seed
 * @param value GRR reported candidate; OLH/FLH hashed-and-randomized value y in [0, g); HCMS coefficient l
 * @param sign HCMS randomized sign, +1 or -1
 * @param bits OUE's K bits, SS's K-bit subset, CMS's m signs (1 = +1); bit i is {@code (bits[i >> 3] >> (i & 7)) & 1}
 */
public record Report(OracleKind oracle, int hashIndex, long seed, int value, int sign, byte[] bits) {

  public static Report grr(int value) {
    return new Report(OracleKind.GRR, 0, 0L, value, 0, null);
  }

  public static Report oue(byte[] bits) {
    return new Report(OracleKind.OUE, 0, 0L, 0, 0, bits);
  }

  public static Report olh(long seed, int value) {
    return new Report(OracleKind.OLH, 0, seed, value, 0, null);
  }

  public static Report flh(int seedIndex, int value) {
    return new Report(OracleKind.FLH, seedIndex, 0L, value, 0, null);
  }

  public static Report cms(int row, byte[] signs) {
    return new Report(OracleKind.CMS, row, 0L, 0, 0, signs);
  }

  public static Report hcms(int row, int coefficient, int sign) {
    return new Report(OracleKind.HCMS, row, 0L, coefficient, sign, null);
  }

  public static Report ss(byte[] subset) {
    return new Report(OracleKind.SS, 0, 0L, 0, 0, subset);
  }

  /** Bit {@code i} of {@code bits}. */
  public boolean bit(int i) {
    return ((bits[i >> 3] >> (i & 7)) & 1) != 0;
  }

  /** Bytes needed for {@code count} bits. */
  public static int bytesFor(int count) {
    return (count + 7) >>> 3;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Report r
        && oracle == r.oracle
        && hashIndex == r.hashIndex
        && seed == r.seed
        && value == r.value
        && sign == r.sign
        && Arrays.equals(bits, r.bits);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hash(oracle, hashIndex, seed, value, sign) + Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return "Report[" + oracle + ", hashIndex=" + hashIndex + ", seed=" + seed + ", value=" + value
        + ", sign=" + sign + ", bits=" + (bits == null ? "null" : Arrays.toString(bits)) + "]";
  }
}
