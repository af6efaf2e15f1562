package org.dpcurate.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.dpcurate.ProtocolDocument;
import org.dpcurate.client.SegmentLayout;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.hash.XxHash64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Segments partition the pool evenly, fit the budget with as few segments as possible, and split reports evenly. */
class DownloadPlanTest {
  @ParameterizedTest
  @CsvSource({"2000, 1", "2000, 3", "2001, 3", "100000, 39", "7, 3"})
  void everyCandidateIsInExactlyOneSegmentAtOnePosition(int k, int segments) {
    DownloadPlan plan = new DownloadPlan(k, 384, segments);
    boolean[] seen = new boolean[k];
    int total = 0;
    for (int s = 0; s < segments; s++) {
      int size = plan.layout().segmentSize(s);
      assertTrue(size == plan.segmentDomain() || size == plan.segmentDomain() - 1, "segment " + s + ": " + size);
      total += size;
      for (int j = 0; j < size; j++) {
        int i = plan.layout().candidate(s, j);
        assertTrue(i >= 0 && i < k && !seen[i], "candidate " + i);
        seen[i] = true;
        assertEquals(s, plan.layout().segmentOf(i));
        assertEquals(j, plan.layout().positionOf(i));
      }
    }
    assertEquals(k, total);
  }

  @ParameterizedTest
  @CsvSource({"2000, 384, 262144", "2000, 256, 262144", "100000, 384, 1000000", "100000, 384, 1048576",
      "500, 16, 1000000", "2000, 384, 1552"})
  void theBudgetHoldsTheLargestSegmentAndOneSegmentFewerWouldNot(int k, int d, long budget) {
    DownloadPlan plan = DownloadPlan.segmentsForBudget(k, d, budget);
    long perCandidate = Int8Quantization.bytesPerVector(d);
    assertEquals(plan.segmentDomain() * perCandidate, plan.bytesPerDevice());
    assertTrue(plan.bytesPerDevice() <= budget, plan + ": " + plan.bytesPerDevice() + " > " + budget);
    if (plan.segments() > 1) {
      long fewer = (long) Math.ceil((double) k / (plan.segments() - 1)) * perCandidate;
      assertTrue(fewer > budget, plan + ": " + (plan.segments() - 1) + " segments would fit too");
    }
  }

  @Test
  void aBudgetBelowTwoCandidatesIsRefusedWithTheSizes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DownloadPlan.segmentsForBudget(2000, 384, 700));
    assertTrue(e.getMessage().contains("388 bytes each"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DownloadPlan(10, 4, 6));
  }

  @Test
  void aReportsSegmentIsItsIdsSeed42HashModuloTheSegmentsUnsigned() {
    String id = UploadRecord.reportId(0x0123456789abcdefL, 0xfedcba9876543210L);
    long h = XxHash64.hash(id.getBytes(StandardCharsets.UTF_8), 42);
    DownloadPlan plan = new DownloadPlan(1000, 8, 7);
    assertEquals(Long.remainderUnsigned(h, 7), plan.layout().segmentOfReport(id));
    assertEquals(plan.layout().segmentOfReport(id), SegmentLayout.segmentOfHash(h, plan.segments()));
  }

  /** The segment vectors of docs/protocol.md, read from the document itself. */
  @Test
  void theProtocolsSegmentVectors() throws IOException {
    List<String[]> rows = ProtocolDocument.rows(line -> line.startsWith("| segment | `"));
    assertTrue(rows.size() >= 4, "expected the segment vectors table");
    for (String[] r : rows) {
      String id = r[1].trim().replace("`", "");
      int segments = Integer.parseInt(r[2].trim());
      assertEquals(Long.parseUnsignedLong(r[3].trim(), 16), XxHash64.hash(id.getBytes(StandardCharsets.UTF_8), 42));
      assertEquals(Integer.parseInt(r[4].trim()), new DownloadPlan(2000, 384, segments).layout().segmentOfReport(id), id);
    }
    // The worked example: N = 2000, d = 384, 262,144 bytes.
    DownloadPlan example = DownloadPlan.segmentsForBudget(2000, 384, 262_144);
    assertEquals(3, example.segments());
    assertEquals(667, example.segmentDomain());
    assertEquals(666, example.layout().segmentSize(2));
    assertEquals(258_796, example.bytesPerDevice());
    assertEquals(1, example.layout().segmentOf(1000));
    assertEquals(333, example.layout().positionOf(1000));
  }

  /** The budget's order of preference: the int8 list, else a projection on >= d / 4 axes, else segments. */
  @Test
  void aBudgetBuysTheWholeListThenAProjectionThenSegments() {
    DownloadPlan whole = DownloadPlan.forBudget(2000, 384, 776_000);
    assertEquals(1, whole.segments());
    assertEquals(0, whole.projectedAxes());
    assertEquals(776_000, whole.bytesPerDevice());

    DownloadPlan projected = DownloadPlan.forBudget(2000, 384, 262_144);
    assertTrue(projected.projected());
    assertEquals(1, projected.segments());
    assertEquals(153, projected.projectedAxes());
    assertEquals(2000 * (96 + 4) + 153 * (384 + 8), projected.bytesPerDevice());
    assertTrue(PrincipalProjection.downloadBytes(2000, 384, 154) > 262_144, "one more axis would not fit");
    assertEquals(projected.bytesPerDevice(), PrincipalProjection.downloadBytes(2000, 384, 153));

    // At K = 100,000 a megabyte holds 9 axes, below 96: segments.
    DownloadPlan segmented = DownloadPlan.forBudget(100_000, 384, 1_000_000);
    assertEquals(0, segmented.projectedAxes());
    assertEquals(DownloadPlan.segmentsForBudget(100_000, 384, 1_000_000), segmented);
    assertEquals(39, segmented.segments());

    assertEquals(96, DownloadPlan.minProjectedAxes(384));
    long justEnough = PrincipalProjection.downloadBytes(2000, 384, 96);
    assertEquals(96, DownloadPlan.forBudget(2000, 384, justEnough).projectedAxes());
    assertEquals(0, DownloadPlan.forBudget(2000, 384, justEnough - 1).projectedAxes());
    assertThrows(IllegalArgumentException.class, () -> new DownloadPlan(2000, 384, 2, 100));
    assertThrows(IllegalArgumentException.class, () -> new DownloadPlan(2000, 384, 1, 385));
  }

  /** Random ids fall into segments evenly: chi-square with 6 degrees of freedom below its 0.1% point, 22.46. */
  @Test
  void randomReportIdsSpreadEvenlyOverTheSegments() {
    DownloadPlan plan = new DownloadPlan(1000, 8, 7);
    SplittableRandom rng = new SplittableRandom(5);
    int n = 70_000;
    long[] counts = new long[7];
    for (int i = 0; i < n; i++) {
      counts[plan.layout().segmentOfReport(UploadRecord.reportId(rng.nextLong(), rng.nextLong()))]++;
    }
    double chi2 = 0;
    for (long c : counts) {
      chi2 += Math.pow(c - n / 7.0, 2) / (n / 7.0);
    }
    assertTrue(chi2 < 22.46, "chi-square " + chi2);
  }
}
