package org.dpcurate.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.embedding.TextEmbedder;
import org.dpcurate.embedding.Vectors;
import org.dpcurate.refinement.EmbeddingPerturbation;
import org.dpcurate.refinement.PoolRefiner;
import org.dpcurate.refinement.SlotMutation;
import org.dpcurate.refinement.VariationStrategy;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the next round's pool with the configured variation strategy, and the external-generator hand-off. */
public final class Refinements {
  private static final Logger LOG = LoggerFactory.getLogger(Refinements.class);

  /** Embedding step at strength 1. */
  public static final double EMBEDDING_SIGMA = 0.5;

  public static final StructType REQUEST_SCHEMA = new StructType()
      .add("parent_id", DataTypes.StringType, false)
      .add("parent_text", DataTypes.StringType, false)
      .add("variations", DataTypes.IntegerType, false)
      .add("strength", DataTypes.DoubleType, false)
      .add("round", DataTypes.IntegerType, false);

  private Refinements() {}

  static VariationStrategy strategy(CampaignSettings s) {
    EmbeddingPerturbation embedding = new EmbeddingPerturbation(EMBEDDING_SIGMA);
    return switch (s.variation()) {
      case "embedding" -> embedding;
      case "external" -> (parent, round, strength, rng) -> null;
      default -> {
        SlotMutation slots = new SlotMutation(s.generator());
        // Structured candidates mutate slots; external ones (no slots) move in embedding space.
        yield (parent, round, strength, rng) -> parent.spec() != null
            ? slots.vary(parent, round, strength, rng)
            : embedding.vary(parent, round, strength, rng);
      }
    };
  }

  /** The next pool from date {@code ds}'s ranking; external hand-off requests are committed for ds + 1. */
  public static PoolRefiner.Result refine(SparkSession spark, Warehouse w, CampaignSettings s,
      java.time.LocalDate ds, List<Candidate> pool, List<RankedCandidate> ranking, int nextRound,
      List<Candidate> generated) {
    long start = System.nanoTime();
    PoolRefiner refiner = new PoolRefiner(s.refinement(), strategy(s), s.generator());
    PoolRefiner.Result result = refiner.refine(pool, ranking, nextRound, generated, s.random("refine", nextRound));
    LOG.info("round {} pool: {} survivors, {} variations ({} near-duplicates dropped), {} generated, {} explored, "
            + "strength {} in {}", nextRound, result.survivors(), result.variations(), result.duplicatesDropped(),
        generated.size(), result.explored(), String.format("%.2f", s.refinement().strength(nextRound)),
        Timing.since(start));
    if (s.variation().equals("external") && !result.unfilled().isEmpty()) {
      writeRequests(spark, w, s, ds.plusDays(1), pool, result.unfilled(), nextRound);
    }
    return result;
  }

  static void writeRequests(SparkSession spark, Warehouse w, CampaignSettings s, java.time.LocalDate ds,
      List<Candidate> pool, Map<String, Integer> unfilled, int nextRound) {
    Map<String, Candidate> byId = new HashMap<>();
    pool.forEach(c -> byId.put(c.id(), c));
    List<Row> rows = new ArrayList<>();
    double strength = s.refinement().strength(nextRound);
    unfilled.forEach((id, n) -> rows.add(RowFactory.create(id, byId.get(id).text(), n, strength, nextRound)));
    w.commit(spark.createDataFrame(rows, REQUEST_SCHEMA).coalesce(1), Warehouse.REQUESTS, s.campaign(), ds,
        new Manifest(Warehouse.REQUESTS, s.campaign(), ds.toString(), nextRound, w.runId(), "ok")
            .count("parents", rows.size()));
    LOG.info("wrote {} generation requests for {} to {}", rows.size(), ds,
        w.partition(Warehouse.REQUESTS, s.campaign(), ds));
  }

  /**
   * Candidates an external generator wrote back: a Parquet table with {@code text}, optional {@code parent_id}
   * and optional {@code embedding} (array of floats, from the generator's own model).
   */
  public static List<Candidate> readGenerated(SparkSession spark, String path, List<Candidate> pool, int round,
      TextEmbedder embedder) {
    Dataset<Row> df;
    try {
      df = spark.read().parquet(path);
    } catch (RuntimeException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot read generated candidates at " + path + ": "
          + e.getMessage(), e);
    }
    List<String> cols = List.of(df.columns());
    if (!cols.contains("text")) {
      throw new JobException(ExitCode.MISSING_INPUT, "generated candidates at " + path + " lack a text column");
    }
    int dimension = pool.get(0).embedding().length;
    Map<String, Candidate> parents = new HashMap<>();
    pool.forEach(c -> parents.put(c.id(), c));
    List<Candidate> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      String text = r.getAs("text");
      if (text == null || text.isBlank()) {
        continue;
      }
      String parentId = cols.contains("parent_id") ? r.getAs("parent_id") : null;
      Candidate parent = parentId == null ? null : parents.get(parentId);
      float[] embedding = embedder.embed(text);
      if (cols.contains("embedding") && r.getAs("embedding") != null) {
        List<Object> values = r.getList(r.fieldIndex("embedding"));
        embedding = new float[values.size()];
        for (int i = 0; i < embedding.length; i++) {
          embedding[i] = ((Number) values.get(i)).floatValue();
        }
        Vectors.normalize(embedding);
      }
      if (embedding.length != dimension) {
        throw new JobException(ExitCode.MISSING_INPUT, "generated candidate '" + text + "' at " + path + " has a "
            + embedding.length + "-dimensional embedding but the pool's embeddings have " + dimension);
      }
      out.add(new Candidate(Candidate.idOf(text), round, parentId, parent == null ? 1 : parent.generation() + 1,
          text, null, embedding));
    }
    return out;
  }
}
