package org.dpcurate.jobs.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.jobs.evaluation.LabelledSet;
import org.dpcurate.jobs.evaluation.PrivateMessages;
import org.dpcurate.jobs.options.SimulationSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.MessageRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulation's real messages as labelled data for the utility evaluation: the bank the devices hold (the
 * non-private upper bound trains on it) and fresh messages of the same hidden population that no device holds
 * (the held-out test set every training set is scored on).
 */
public final class PrivateData {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateData.class);

  /** Held-out test messages: a third of the bank's size, within these bounds. */
  static final int MIN_HELD_OUT = 300;
  static final int MAX_HELD_OUT = 4000;

  private PrivateData() {}

  /** New messages of the population (a third as many as the bank), drawn with a seed of their own. */
  public static PrivatePopulation heldOut(CampaignRun run, SimulationSettings settings) {
    long start = System.nanoTime();
    int count = Math.max(MIN_HELD_OUT, Math.min(MAX_HELD_OUT, settings.population().distinctMessages() / 3));
    PrivatePopulation p = PrivatePopulation.generate(settings.population().withDistinctMessages(count),
        run.embedder(), run.random("held-out", 0).nextLong());
    LOG.info("held-out test set: {} messages in {}", p.size(), Timing.since(start));
    return p;
  }

  /**
   * The generator's own rendering of every private message's slots, weighted by how many messages share it: the
   * best training set curation could ever assemble from this generator's candidates (a diagnostic ceiling: what
   * the private data adds beyond it is phrasing no candidate has).
   */
  public static LabelledSet generatorCeiling(PrivatePopulation p, Embedder embedder) {
    Map<String, Candidate> rendered = new LinkedHashMap<>();
    Map<String, Double> messages = new HashMap<>();
    for (int i = 0; i < p.size(); i++) {
      String text = MessageRenderer.synthetic(p.spec(i));
      rendered.putIfAbsent(text, new Candidate(Candidate.idOf(text), 0, null, 0, text, p.spec(i), null));
      messages.merge(text, 1.0, Double::sum);
    }
    List<Candidate> candidates = Candidate.embedMissing(new ArrayList<>(rendered.values()), embedder);
    return LabelledSet.ofCandidates("generator ceiling", candidates,
        candidates.stream().mapToDouble(c -> messages.get(c.text())).toArray());
  }

  /** Real messages as a population of simulated devices' messages (labels only when {@code labelled}). */
  public static PrivatePopulation population(List<PrivateMessages.Message> messages, boolean labelled,
      Embedder embedder) {
    boolean weighted = messages.stream().anyMatch(m -> m.weight() != 1);
    return PrivatePopulation.fromMessages(messages.stream().map(PrivateMessages.Message::text).toList(),
        labelled ? messages.stream().map(PrivateMessages.Message::label).toList() : null,
        messages.stream().map(PrivateMessages.Message::language).toList(),
        weighted ? messages.stream().mapToDouble(PrivateMessages.Message::weight).toArray() : null, embedder);
  }

  /** Every message of {@code p}, equally weighted, labelled with its class (topic or label) and language. */
  public static LabelledSet labelled(String name, PrivatePopulation p) {
    int n = p.size();
    float[][] x = p.embeddings();
    String[] texts = new String[n];
    String[] topics = new String[n];
    String[] languages = new String[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      texts[i] = p.text(i);
      topics[i] = p.label(i);
      languages[i] = p.language(i);
      weights[i] = 1;
    }
    return new LabelledSet(name, texts, x, topics, languages, weights);
  }
}
