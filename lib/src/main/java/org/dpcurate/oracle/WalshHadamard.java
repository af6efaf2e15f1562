package org.dpcurate.oracle;

/** In-place unnormalised Walsh-Hadamard transform (Sylvester order); applied twice it multiplies by the length. */
final class WalshHadamard {
  private WalshHadamard() {}

  /** Exact on integers; the length is a power of two. */
  static void transform(long[] a) {
    for (int len = 1; len < a.length; len <<= 1) {
      for (int i = 0; i < a.length; i += len << 1) {
        for (int j = i; j < i + len; j++) {
          long x = a[j];
          long y = a[j + len];
          a[j] = x + y;
          a[j + len] = x - y;
        }
      }
    }
  }

  static void transform(double[] a) {
    for (int len = 1; len < a.length; len <<= 1) {
      for (int i = 0; i < a.length; i += len << 1) {
        for (int j = i; j < i + len; j++) {
          double x = a[j];
          double y = a[j + len];
          a[j] = x + y;
          a[j + len] = x - y;
        }
      }
    }
  }
}
