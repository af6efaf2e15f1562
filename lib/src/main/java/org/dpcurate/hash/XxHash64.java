package org.dpcurate.hash;

/**
 * XXH64, the 64-bit xxHash (revision 0.8), over byte arrays and over the 4-byte little-endian encoding of an int.
 *
 * <p>This is part of the device/server wire protocol: every sketch and local-hashing oracle maps a candidate index
 * to a bucket with it (see docs/protocol.md for the exact rule and test vectors), so any device client that
 * implements standard XXH64 agrees with the server bit for bit.
 */
public final class XxHash64 {
  private static final long P1 = 0x9E3779B185EBCA87L;
  private static final long P2 = 0xC2B2AE3D27D4EB4FL;
  private static final long P3 = 0x165667B19E3779F9L;
  private static final long P4 = 0x85EBCA77C2B2AE63L;
  private static final long P5 = 0x27D4EB2F165667C5L;

  private XxHash64() {}

  /** XXH64 of {@code data} with {@code seed}. */
  public static long hash(byte[] data, long seed) {
    int len = data.length;
    int pos = 0;
    long h;
    if (len >= 32) {
      long v1 = seed + P1 + P2;
      long v2 = seed + P2;
      long v3 = seed;
      long v4 = seed - P1;
      int limit = len - 32;
      do {
        v1 = round(v1, readLong(data, pos));
        v2 = round(v2, readLong(data, pos + 8));
        v3 = round(v3, readLong(data, pos + 16));
        v4 = round(v4, readLong(data, pos + 24));
        pos += 32;
      } while (pos <= limit);
      h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      h = mergeRound(h, v1);
      h = mergeRound(h, v2);
      h = mergeRound(h, v3);
      h = mergeRound(h, v4);
    } else {
      h = seed + P5;
    }
    h += len;
    while (pos + 8 <= len) {
      h ^= round(0, readLong(data, pos));
      h = Long.rotateLeft(h, 27) * P1 + P4;
      pos += 8;
    }
    if (pos + 4 <= len) {
      h ^= (readInt(data, pos) & 0xFFFFFFFFL) * P1;
      h = Long.rotateLeft(h, 23) * P2 + P3;
      pos += 4;
    }
    while (pos < len) {
      h ^= (data[pos] & 0xFFL) * P5;
      h = Long.rotateLeft(h, 11) * P1;
      pos++;
    }
    return avalanche(h);
  }

  /** XXH64 of the 4 bytes {@code value} in little-endian order: identical to {@code hash(le32(value), seed)}. */
  public static long hashInt(int value, long seed) {
    long h = seed + P5 + 4;
    h ^= (value & 0xFFFFFFFFL) * P1;
    h = Long.rotateLeft(h, 23) * P2 + P3;
    return avalanche(h);
  }

  /**
   * The protocol's bucket rule: XXH64(le32(value), seed) reduced modulo {@code range} as an unsigned 64-bit
   * integer.
   */
  public static int bucket(int value, long seed, int range) {
    return (int) Long.remainderUnsigned(hashInt(value, seed), range);
  }

  private static long round(long acc, long input) {
    acc += input * P2;
    acc = Long.rotateLeft(acc, 31);
    return acc * P1;
  }

  private static long mergeRound(long acc, long val) {
    acc ^= round(0, val);
    return acc * P1 + P4;
  }

  private static long avalanche(long h) {
    h ^= h >>> 33;
    h *= P2;
    h ^= h >>> 29;
    h *= P3;
    h ^= h >>> 32;
    return h;
  }

  private static long readLong(byte[] b, int i) {
    return (b[i] & 0xFFL)
        | (b[i + 1] & 0xFFL) << 8
        | (b[i + 2] & 0xFFL) << 16
        | (b[i + 3] & 0xFFL) << 24
        | (b[i + 4] & 0xFFL) << 32
        | (b[i + 5] & 0xFFL) << 40
        | (b[i + 6] & 0xFFL) << 48
        | (b[i + 7] & 0xFFL) << 56;
  }

  private static int readInt(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
  }
}
