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
import org.dpcurate.selection.FlatVotes;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.synthesis.Candidate;

/**
 * The final training table: the last round's {@link CuratedSet}, pooled with those of the rounds before it while
 * their votes were flat ({@link FlatVotes#trailingFlatRounds}), near-duplicates merged ({@link #trainingSet}),
 * weights summing to 1.
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

  /** A round (of date {@code ds}): its pool and its ranking over it, what the round's curated set is made of. */
  public record Round(LocalDate ds, List<Candidate> pool, List<RankedCandidate> ranking) {}

  /**
   * A training set, the candidates its members index (the pooled rounds' pools laid end to end), the dates of the
   * rounds it pools (oldest first) and the similarity its near-duplicates were merged at.
   */
  public record TrainingSet(List<Candidate> pool, CuratedSet set, List<LocalDate> dates, double nearDuplicate) {
    /** The members' candidates, in member order. */
    public List<Candidate> candidates() {
      return set.pick(pool);
    }

    public int rounds() {
      return dates.size();
    }

    public LocalDate lastDs() {
      return dates.get(dates.size() - 1);
    }
  }

  /**
   * The rounds the curated table pools: the last of {@code history} (oldest first), with the rounds before it
   * whose votes were flat like its own, up to {@code maxRounds} in all and {@link #MAX_POOLED_CANDIDATES}
   * candidates.
   */
  public static List<Round> pooledRounds(List<Round> history, int maxRounds) {
    int n = FlatVotes.trailingFlatRounds(history.stream().map(Round::ranking).toList(), maxRounds);
    int candidates = history.get(history.size() - 1).pool().size();
    for (int k = 2; k <= n; k++) {
      candidates += history.get(history.size() - k).pool().size();
      if (candidates > MAX_POOLED_CANDIDATES) {
        n = k - 1;
        break;
      }
    }
    return history.subList(history.size() - n, history.size());
  }

  /**
   * The most candidates a pooled table holds before merging (the last round's always count): the merge compares
   * each row with the kept rows of its label, so its cost grows with the square of the rows (on 2 cores 7 s at
   * 30,000 rows of 15 labels, 18 s without labels: docs/benchmarks.md "Near-duplicate merges").
   */
  static final int MAX_POOLED_CANDIDATES = 50_000;

  /**
   * The curated sets of {@code rounds} as one training set ({@link CuratedSet#pooled}; one round: its own set):
   * near-duplicates of a label (cosine at least {@code nearDuplicate}, by default
   * {@link CuratedSet#NEAR_DUPLICATE_SIMILARITY}) merged into the heaviest.
   */
  public static TrainingSet trainingSet(List<Round> rounds, double nearDuplicate) {
    List<Candidate> pool = new ArrayList<>();
    List<CuratedSet> sets = new ArrayList<>();
    int[] offsets = new int[rounds.size()];
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      offsets[i] = pool.size();
      pool.addAll(r.pool());
      sets.add(CuratedSet.of(r.ranking(), Candidate.labelsByIndex(r.pool())));
    }
    float[][] embeddings = pool.stream().map(Candidate::embedding).toArray(float[][]::new);
    String[] labels = Candidate.labelsByIndex(pool);
    return new TrainingSet(pool, CuratedSet.pooled(sets, offsets).withNearDuplicatesMerged(embeddings, labels,
        nearDuplicate), rounds.stream().map(Round::ds).toList(), nearDuplicate);
  }

  /**
   * Commits {@code training} (a {@link #trainingSet}) as of its last round's date, with the rankings of the rounds it
   * pools as the manifest's inputs; returns how many rows.
   */
  public static int write(Warehouse w, String campaign, TrainingSet training, String embeddingModel) {
    LocalDate lastDs = training.lastDs();
    List<Row> rows = new ArrayList<>();
    List<Candidate> pool = training.pool();
    for (CuratedSet.Member m : training.set().members()) {
      RankedCandidate r = m.ranked();
      Candidate c = pool.get(r.index());
      Object[] a = CandidateTable.attributes(c.spec());
      rows.add(RowFactory.create(c.id(), c.text(), m.weight(), m.represents(), r.selected(), r.estimate(),
          r.stdError(), c.round(), c.parentId(), c.generation(), a[0], a[1], a[2], a[3], a[4], a[5], c.label(),
          CandidateTable.boxed(c.embedding()), lastDs.toString()));
    }
    Manifest manifest = Manifest.ofRound(pool.get(pool.size() - 1).round());
    training.dates().forEach(ds -> manifest.input(w.partition(RankedTable.NAME, campaign, ds)));
    w.commitCampaign(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, lastDs,
        manifest.set("rounds_pooled", training.rounds())
            .set(CandidateTable.EMBEDDING_MODEL, embeddingModel)
            .set("embedding_dimension", pool.get(0).embedding().length)
            .set("near_duplicate_similarity", training.nearDuplicate()));
    return rows.size();
  }
}
