package org.dpcurate.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.dpcurate.ProtocolDocument;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.client.SegmentLayout;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.embedding.Vectors;
import org.dpcurate.oracle.OracleConfig;
import org.junit.jupiter.api.Test;

/** Bundles round-trip in every encoding, hold exactly their segment, refuse any damage, and match the docs' vector. */
class DownloadBundleTest {
  private static final int D = 16;

  private static List<float[]> embeddings(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] x = new float[D];
      for (int j = 0; j < D; j++) {
        x[j] = (float) rng.nextGaussian();
      }
      out.add(Vectors.normalize(x));
    }
    return out;
  }

  private static List<String> ids(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("r1-c" + i + (i % 3 == 0 ? "-é" : ""));
    }
    return ids;
  }

  private static String config(int n, RoundConfig.Download download) {
    int domain = download == null ? n : new SegmentLayout(n, download.segments()).segmentDomain();
    return RoundConfig.of("demo", LocalDate.parse("2026-01-05"), 1, OracleConfig.grr(3, domain), 1,
        new RoundConfig.Embedding("example", D), download).format();
  }

  @Test
  void aFloat32BundleHoldsThePoolExactly() {
    List<float[]> x = embeddings(7, 1);
    List<DownloadBundle> bundles = DownloadBundle.of(config(7, null), ids(7), x, null);
    assertEquals(1, bundles.size());
    DownloadBundle back = DownloadBundle.decode(bundles.get(0).encode());
    assertEquals(ids(7), back.ids());
    for (int i = 0; i < 7; i++) {
      assertArrayEquals(x.get(i), back.scoringVector(i));
    }
    assertEquals(RoundConfig.sha256(config(7, null)), back.configSha256());
    assertEquals(DownloadBundle.Encoding.FLOAT32, DownloadBundle.encoding(back.roundConfig()));
  }

  @Test
  void segmentedInt8BundlesHoldTheirSegmentInPositionOrder() {
    int n = 11;
    List<float[]> x = embeddings(n, 2);
    String config = config(n, new RoundConfig.Download(4000, 3, 0, 4 * (D + 4)));
    List<DownloadBundle> bundles = DownloadBundle.of(config, ids(n), x, null);
    SegmentLayout layout = new SegmentLayout(n, 3);
    assertEquals(3, bundles.size());
    for (int s = 0; s < 3; s++) {
      byte[] bytes = bundles.get(s).encode();
      DownloadBundle back = DownloadBundle.decode(bytes);
      assertEquals(s, back.segment());
      assertEquals(config, back.config());
      assertEquals(layout.segmentSize(s), back.ids().size());
      for (int p = 0; p < back.ids().size(); p++) {
        int i = layout.candidate(s, p);
        assertEquals(ids(n).get(i), back.ids().get(p));
        assertArrayEquals(Int8Quantization.quantize(x.get(i)).dequantize(), back.scoringVector(p));
      }
    }
  }

  @Test
  void aProjectedBundleCarriesTheBasisAndTheCodes() {
    int n = 40;
    List<float[]> x = embeddings(n, 3);
    PrincipalProjection basis = PrincipalProjection.fit(x.toArray(float[][]::new), 5);
    String config = config(n, new RoundConfig.Download(5000, 1, 5, PrincipalProjection.downloadBytes(n, D, 5)));
    DownloadBundle back = DownloadBundle.decode(DownloadBundle.of(config, ids(n), x, basis).get(0).encode());
    assertEquals(5, back.basis().axes());
    for (int a = 0; a < 5; a++) {
      assertArrayEquals(basis.axis(a), back.basis().axis(a));
      assertEquals(basis.axisScale(a), back.basis().axisScale(a));
      assertEquals(basis.mean(a), back.basis().mean(a));
    }
    for (int i = 0; i < n; i++) {
      assertArrayEquals(basis.scoringVector(basis.encode(x.get(i))), back.scoringVector(i));
    }
  }

  @Test
  void everyTruncationAndEveryFlippedByteIsRefused() {
    byte[] bytes = DownloadBundle.of(config(5, null), ids(5), embeddings(5, 4), null).get(0).encode();
    for (int length = 0; length < bytes.length; length += 7) {
      byte[] cut = java.util.Arrays.copyOf(bytes, length);
      assertThrows(DownloadBundle.InvalidBundleException.class, () -> DownloadBundle.decode(cut));
    }
    for (int i = 0; i < bytes.length; i += 5) {
      byte[] flipped = bytes.clone();
      flipped[i] ^= 0x10;
      assertThrows(DownloadBundle.InvalidBundleException.class, () -> DownloadBundle.decode(flipped), "byte " + i);
    }
  }

  /** Well-formed bytes (a valid checksum) that disagree with their own config are refused by what is wrong. */
  @Test
  void aBundleThatDisagreesWithItsConfigIsRefusedByName() throws Exception {
    byte[] bytes = DownloadBundle.of(config(5, null), ids(5), embeddings(5, 5), null).get(0).encode();
    byte[] int8 = bytes.clone();
    int8[6] = 1;
    assertTrue(refusal(resealed(int8)).contains("encoding 1 does not match its config's FLOAT32"));
    byte[] version = bytes.clone();
    version[4] = 2;
    assertTrue(refusal(resealed(version)).contains("layout version 2"));
    byte[] magic = bytes.clone();
    magic[0] = 'X';
    assertTrue(refusal(magic).contains("magic"));
  }

  private static String refusal(byte[] bytes) {
    return assertThrows(DownloadBundle.InvalidBundleException.class, () -> DownloadBundle.decode(bytes))
        .getMessage();
  }

  private static byte[] resealed(byte[] bytes) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(bytes, 0, bytes.length - 32);
    System.arraycopy(sha.digest(), 0, bytes, bytes.length - 32, 32);
    return bytes;
  }

  /** docs/protocol.md "Download bundle": the documented round's segment 1, byte for byte, and read back. */
  @Test
  void theDocumentedVectorIsTheBundleOfTheDocumentedRound() {
    String config = ProtocolDocument.block("```properties bundle-config");
    List<String> ids = new ArrayList<>();
    List<float[]> x = new ArrayList<>();
    for (String[] row : ProtocolDocument.rows(line -> line.startsWith("| bundle-candidate |"))) {
      ids.add(row[1].trim().replace("`", ""));
      String[] values = row[2].trim().split(",\\s*");
      x.add(new float[] {Float.parseFloat(values[0]), Float.parseFloat(values[1])});
    }
    assertEquals(4, ids.size());
    byte[] expected = HexFormat.of().parseHex(ProtocolDocument.block("```text bundle-hex").replaceAll("\\s", ""));
    DownloadBundle segment1 = DownloadBundle.of(config, ids, x, null).get(1);
    assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(segment1.encode()));
    DownloadBundle back = DownloadBundle.decode(expected);
    assertEquals(List.of(ids.get(1), ids.get(3)), back.ids());
    assertEquals(RoundConfig.sha256(config), back.configSha256());
    ByteBuffer header = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(config.length(), header.getInt(8));
  }
}
