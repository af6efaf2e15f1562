package org.dpcurate.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Aggregators travel between executors and the driver: the compact form gives back the identical state. */
class AggregatorSerializationTest {
  static Stream<OracleConfig> configs() {
    return Stream.of(OracleConfig.grr(2, 100), OracleConfig.oue(2, 100), OracleConfig.flh(2, 100, 256, 1L),
        OracleConfig.cms(2, 100, 8, 64, 1L), OracleConfig.hcms(2, 100, 8, 64, 1L), OracleConfig.ss(2, 100));
  }

  private static OracleAggregator roundTrip(OracleAggregator a, int[] size) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(a);
    }
    size[0] = bytes.size();
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (OracleAggregator) in.readObject();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void roundTripKeepsTheStateAndIsCompact(OracleConfig config) throws Exception {
    FrequencyOracle oracle = FrequencyOracle.of(config);
    SplittableRandom rng = new SplittableRandom(3);
    OracleAggregator a = oracle.newAggregator();
    for (int i = 0; i < 20_000; i++) {
      a.add(oracle.randomize(rng.nextInt(config.domainSize()), rng));
    }
    int[] size = new int[1];
    OracleAggregator back = roundTrip(a, size);
    assertArrayEquals(a.state(), back.state());
    assertEquals(a.reports(), back.reports());
    assertTrue(back.sameStateAs(a));
    assertTrue(size[0] < 8L * oracle.stateSize() / 2 + 2_000, "compact: " + size[0] + " bytes");
    // Still a working aggregator: it keeps adding and merging.
    back.add(oracle.randomize(0, rng));
    back.merge(a);
    assertEquals(2 * a.reports() + 1, back.reports());
  }
}
