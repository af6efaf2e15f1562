package org.dpcurate.synthesis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.hash.XxHash64;

/**
 * A synthetic candidate of one round. {@code spec} is null for candidates that came from an external generator
 * and carry only text and an embedding. {@code label} is the class a label-conditional campaign curates it for
 * (null otherwise): devices whose message has that label vote among the label's candidates only.
 *
 * @param id stable id: "c" + XXH64 of the UTF-8 text, so the same text keeps its id across rounds
 * @param round the round whose pool it belongs to
 * @param parentId the candidate it was varied from, or null for a seed candidate
 * @param generation 0 for seed candidates, parent's generation + 1 for variations
 * @param text the message text
 * @param spec the structured slots, or null
 * @param embedding L2-normalized embedding; null only while a generator's new candidates wait to be embedded
 * @param label the class of a label-conditional campaign, or null
 */
public record Candidate(String id, int round, String parentId, int generation, String text, MessageSpec spec,
    float[] embedding, String label) {

  /** A candidate of a campaign without labels. */
  public Candidate(String id, int round, String parentId, int generation, String text, MessageSpec spec,
      float[] embedding) {
    this(id, round, parentId, generation, text, spec, embedding, null);
  }

  public static String idOf(String text) {
    return String.format("c%016x", XxHash64.hash(text.getBytes(StandardCharsets.UTF_8), 0L));
  }

  /** The id of {@code text} in label {@code label}'s pool (the text's own id without a label). */
  public static String idOf(String label, String text) {
    return label == null ? idOf(text)
        : String.format("c%016x", XxHash64.hash((label + '\u001f' + text).getBytes(StandardCharsets.UTF_8), 0L));
  }

  /**
   * This candidate in label {@code newLabel}'s pool: a text-derived id becomes the text's id in that label, so the
   * same text can be a candidate of several labels; other ids (an embedding variation's) are kept.
   */
  public Candidate withLabel(String newLabel) {
    String newId = id.equals(idOf(label, text)) ? idOf(newLabel, text) : id;
    return new Candidate(newId, round, parentId, generation, text, spec, embedding, newLabel);
  }

  /** The class a classifier trained on this candidate learns: its label, else its topic, else null. */
  public String classLabel() {
    return label != null ? label : spec != null ? spec.topicName() : null;
  }

  /**
   * The labels of a label-conditional pool by index, or null when no candidate has one (a pool without labels: one
   * group for voting and for the curated set).
   */
  public static String[] labelsByIndex(List<Candidate> pool) {
    return pool.stream().anyMatch(c -> c.label() != null) ? pool.stream().map(Candidate::label).toArray(String[]::new)
        : null;
  }

  /** {@code candidates} with every missing embedding computed by {@code embedder} in one batch, in order. */
  public static List<Candidate> embedMissing(List<Candidate> candidates, Embedder embedder) {
    List<String> texts = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.embedding() == null) {
        texts.add(c.text());
      }
    }
    if (texts.isEmpty()) {
      return candidates;
    }
    float[][] vectors = embedder.embedAll(texts);
    List<Candidate> out = new ArrayList<>(candidates.size());
    int next = 0;
    for (Candidate c : candidates) {
      out.add(c.embedding() != null ? c : c.withEmbedding(vectors[next++]));
    }
    return out;
  }

  /** This candidate with {@code vector} as its embedding. */
  public Candidate withEmbedding(float[] vector) {
    return new Candidate(id, round, parentId, generation, text, spec, vector, label);
  }

  /** The same candidate in another round (a survivor keeps id, lineage and embedding). */
  public Candidate inRound(int newRound) {
    return new Candidate(id, newRound, parentId, generation, text, spec, embedding, label);
  }
}
