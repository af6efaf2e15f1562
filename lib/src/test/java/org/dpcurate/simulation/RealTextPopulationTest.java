package org.dpcurate.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dpcurate.embedding.HashedNgramEmbedder;
import org.junit.jupiter.api.Test;

/**
 * A population of real text: personas are its labels, a device's messages share one label, label-conditional
 * devices vote only among their label's candidates, and message weights skew the draw as stated.
 */
class RealTextPopulationTest {
  private static final HashedNgramEmbedder EMBEDDER = HashedNgramEmbedder.plain();

  private static PrivatePopulation population(double[] weights) {
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      texts.add((i % 2 == 0 ? "the court ruled on the appeal number " : "the rocket left orbit on day ") + i);
      labels.add(i % 2 == 0 ? "law" : "space");
    }
    return PrivatePopulation.fromMessages(texts, labels, null, weights, EMBEDDER);
  }

  @Test
  void personasAreLabelsAndTheMixIsByLabel() {
    PrivatePopulation p = population(null);
    assertFalse(p.generated());
    assertNull(p.spec(0));
    assertEquals(List.of("law", "space"), p.labels());
    for (int i = 0; i < p.size(); i++) {
      for (int j : p.personaOf(i)) {
        assertEquals(p.label(i), p.label(j));
      }
    }
    assertEquals(Map.of("law", 0.5, "space", 0.5).keySet(), p.coarseMix().keySet());
    assertEquals(0.5, p.coarseMix().get("law"), 1e-12);
    org.dpcurate.synthesis.Candidate unlabelled = new org.dpcurate.synthesis.Candidate("c1", 1, null, 0, "x", null,
        p.embeddings()[0]);
    assertNull(p.mixKeyOf(unlabelled), "an unlabelled candidate of real text has no mix to compare");
    assertEquals("law", p.mixKeyOf(unlabelled.withLabel("law")));
  }

  /**
   * Candidate 0 is a law text labelled space, candidate 1 a space text labelled law: without labels law messages
   * vote for candidate 0; label-conditional, law messages can only vote for candidate 1 and space ones never do.
   */
  @Test
  void labelConditionalDevicesVoteAmongTheirLabelsCandidatesOnly() {
    PrivatePopulation p = population(null);
    float[][] candidates = {p.embeddings()[0], p.embeddings()[1], p.embeddings()[3]};
    String[] labels = {"space", "law", "space"};
    DeviceSimulator devices = new DeviceSimulator(p, candidates, null, null, labels, 1, 5, 1);
    DeviceSimulator unconditional = new DeviceSimulator(p, candidates, null, null, null, 1, 5, 1);
    int[] votes = new int[3];
    int nearestIsZero = 0;
    for (long d = 0; d < 2000; d++) {
      votes[devices.vote(devices.deviceRandom(d))]++;
      nearestIsZero += unconditional.vote(unconditional.deviceRandom(d)) == 0 ? 1 : 0;
    }
    assertTrue(nearestIsZero > 900, "without labels, law messages vote for the space candidate: " + nearestIsZero);
    assertEquals(2000, votes[1] + votes[0] + votes[2]);
    assertTrue(Math.abs(votes[1] - 1000) < 120, "law devices (half) vote for the law candidate: " + votes[1]);
  }

  @Test
  void weightsSkewWhichMessageADeviceHolds() {
    double[] weights = new double[60];
    java.util.Arrays.fill(weights, 1);
    weights[3] = 59; // message 3 (space) is half of the weight
    PrivatePopulation p = population(weights);
    float[][] candidates = new float[60][];
    for (int i = 0; i < 60; i++) {
      candidates[i] = p.embeddings()[i];
    }
    DeviceSimulator devices = new DeviceSimulator(p, candidates, 1, 6, 1);
    int holders = 0;
    for (long d = 0; d < 4000; d++) {
      holders += devices.vote(devices.deviceRandom(d)) == 3 ? 1 : 0;
    }
    // P = 59 / 118 = 0.5; 4,000 draws: sd 32.
    assertEquals(2000, holders, 160);
    assertEquals(0.5 + 29.0 / 118, p.coarseMix().get("space"), 1e-12);
  }

  @Test
  void weightsMustBePositive() {
    double[] weights = new double[60];
    assertThrows(IllegalArgumentException.class, () -> population(weights));
  }

  @Test
  void theSameSeedGivesTheSameVotes() {
    PrivatePopulation p = population(null);
    float[][] candidates = {p.embeddings()[0], p.embeddings()[1], p.embeddings()[5]};
    DeviceSimulator a = new DeviceSimulator(p, candidates, null, null, new String[] {"law", "space", "space"}, 3, 8,
        2);
    DeviceSimulator b = new DeviceSimulator(p, candidates, null, null, new String[] {"law", "space", "space"}, 3, 8,
        2);
    int[] va = new int[200];
    int[] vb = new int[200];
    for (int d = 0; d < 200; d++) {
      va[d] = a.vote(a.deviceRandom(d));
      vb[d] = b.vote(b.deviceRandom(d));
    }
    assertArrayEquals(va, vb);
  }
}
