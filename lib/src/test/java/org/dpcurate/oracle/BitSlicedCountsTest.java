package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The aggregators' deferred counting (word-parallel bit counting for CMS, OUE and SS; byte cells for FLH and HCMS) gives
 * exactly the states of one increment per report, across the 65,535-vector (and byte) carries, bit lengths
 * that are not multiples of 64, and serialization in mid-stream.
 */
class BitSlicedCountsTest {
  static OracleConfig config(String kind) {
    return switch (kind) {
      case "CMS" -> OracleConfig.cms(1.0, 40, 2, 100, 5L);
      case "OUE" -> OracleConfig.oue(1.0, 70);
      case "FLH" -> OracleConfig.flh(1.0, 40, 4, 0L);
      // Coefficient 0's sign is always +1 before flipping, so its cells drift past the +-127 carry.
      case "HCMS" -> OracleConfig.hcms(1.0, 40, 2, 4, 0L);
      default -> OracleConfig.ss(1.0, 70);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"CMS", "OUE", "SS", "FLH", "HCMS"})
  void equalsOneIncrementPerSetBit(String kind) throws Exception {
    FrequencyOracle oracle = FrequencyOracle.of(config(kind));
    SplittableRandom rng = new SplittableRandom(17);
    OracleAggregator fast = oracle.newAggregator();
    long[] reference = new long[oracle.stateSize()];
    int n = 140_000;
    for (int i = 0; i < n; i++) {
      Report r = oracle.randomize(rng.nextInt(oracle.domainSize()), rng);
      fast.add(r);
      oracle.accumulate(r, reference);
      if (i == n / 3) {
        fast = roundTrip(fast);
      }
    }
    assertArrayEquals(reference, fast.state());
    assertEquals(n, fast.reports());
  }

  private static OracleAggregator roundTrip(OracleAggregator a) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(a);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (OracleAggregator) in.readObject();
    }
  }
}
