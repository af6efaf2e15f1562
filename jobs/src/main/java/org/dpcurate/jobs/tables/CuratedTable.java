package org.dpcurate.jobs.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.selection.CuratedSet;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;

/**
 * The final training table: the last round's {@link CuratedSet} with near-duplicates merged
 * ({@link #trainingSet}), weights summing to 1.
 */
public final class CuratedTable {
  private CuratedTable() {}

  public static final String NAME = "curated";

  public static final StructType SCHEMA = CandidateTable.withCoarseAttributes(new StructType()
      .add("candidate_id", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("represents", DataTypes.IntegerType, false)
      .add("selected", DataTypes.BooleanType, false)
      .add("estimate", DataTypes.DoubleType, false)
      .add("std_error", DataTypes.DoubleType, false)
      .add("round", DataTypes.IntegerType, false)
      .add("parent_id", DataTypes.StringType, true)
      .add("generation", DataTypes.IntegerType, false))
      .add("label", DataTypes.StringType, true)
      .add("embedding", DataTypes.createArrayType(DataTypes.FloatType, false), false)
      .add("ds", DataTypes.StringType, false);

  /**
   * The curated set of {@code ranking} over {@code pool} as training data: near-duplicates of a label (cosine at
   * least {@code nearDuplicate}, by default {@link CuratedSet#NEAR_DUPLICATE_SIMILARITY}) merged into the heaviest.
   */
  public static CuratedSet trainingSet(List<Candidate> pool, List<RankedCandidate> ranking, double nearDuplicate) {
    float[][] embeddings = pool.stream().map(Candidate::embedding).toArray(float[][]::new);
    String[] labels = Candidate.labelsByIndex(pool);
    return CuratedSet.of(ranking, labels).withNearDuplicatesMerged(embeddings, labels, nearDuplicate);
  }

  /** Commits the curated set of {@code ranking} (of date {@code lastDs}); returns how many rows. */
  public static int write(Warehouse w, String campaign, LocalDate lastDs, List<Candidate> pool,
      List<RankedCandidate> ranking, String embeddingModel, double nearDuplicate) {
    List<Row> rows = new ArrayList<>();
    for (CuratedSet.Member m : trainingSet(pool, ranking, nearDuplicate).members()) {
      RankedCandidate r = m.ranked();
      Candidate c = pool.get(r.index());
      Object[] a = CandidateTable.attributes(c.spec());
      rows.add(RowFactory.create(c.id(), c.text(), m.weight(), m.represents(), r.selected(), r.estimate(), r.stdError(), c.round(),
          c.parentId(), c.generation(), a[0], a[1], a[2], a[3], a[4], a[5], c.label(),
          CandidateTable.boxed(c.embedding()),
          lastDs.toString()));
    }
    w.commitCampaign(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, lastDs,
        Manifest.ofRound(pool.get(0).round()).input(w.partition(RankedTable.NAME, campaign, lastDs))
            .set(CandidateTable.EMBEDDING_MODEL, embeddingModel)
            .set("embedding_dimension", pool.get(0).embedding().length)
            .set("near_duplicate_similarity", nearDuplicate));
    return rows.size();
  }
}
