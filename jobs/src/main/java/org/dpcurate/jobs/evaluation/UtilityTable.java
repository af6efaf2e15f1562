package org.dpcurate.jobs.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.evaluation.UtilityMetrics;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.Warehouse;

/** What {@code evaluate} measured: one row per training set (initial pool, curated set, private data). */
public final class UtilityTable {
  private UtilityTable() {}

  public static final String NAME = "utility";

  public static final StructType SCHEMA = new StructType()
      .add("training_set", DataTypes.StringType, false)
      .add("training_size", DataTypes.IntegerType, false)
      .add("topic_accuracy", DataTypes.DoubleType, false)
      .add("topic_macro_f1", DataTypes.DoubleType, false)
      .add("language_accuracy", DataTypes.DoubleType, false)
      .add("gap_closed", DataTypes.DoubleType, true)
      .add("frechet_distance", DataTypes.DoubleType, false)
      .add("knn_precision", DataTypes.DoubleType, true)
      .add("knn_recall", DataTypes.DoubleType, false)
      .add("test_size", DataTypes.IntegerType, false);

  /** Commits {@code results} (training set name to figures, in order) for {@code campaign}. */
  public static void write(Warehouse w, String campaign, Map<String, UtilityMetrics> results, int testSize,
      String model) {
    List<Row> rows = new ArrayList<>();
    results.forEach((set, u) -> rows.add(RowFactory.create(set, u.trainingSize(), u.topicAccuracy(),
        u.topicMacroF1(), u.languageAccuracy(), Double.isNaN(u.gapClosed()) ? null : u.gapClosed(),
        u.frechetDistance(), Double.isNaN(u.precision()) ? null : u.precision(), u.recall(), testSize)));
    w.commitCampaign(w.spark().createDataFrame(rows, SCHEMA).coalesce(1), NAME, campaign, null,
        Manifest.ofRound(0).set(CandidateTable.EMBEDDING_MODEL, model));
  }
}
