package org.dpcurate.jobs.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.evaluation.ClassificationScores;

/**
 * Multinomial logistic regression (Spark MLlib) from embeddings to a label, trained on one weighted set and
 * scored on another. Fixed hyper-parameters, so sets are compared by their data alone.
 */
final class DownstreamClassifier {
  static final double REGULARIZATION = 1e-3;
  static final int MAX_ITERATIONS = 100;
  static final double TOLERANCE = 1e-4;

  private static final StructType SCHEMA = new StructType()
      .add("label", DataTypes.DoubleType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("features", SQLDataTypes.VectorType(), false);

  private DownstreamClassifier() {}

  /** Trains on ({@code trainX}, {@code trainY}, {@code weights}) and scores predictions of {@code testY}. */
  static ClassificationScores trainAndTest(SparkSession spark, float[][] trainX, String[] trainY, double[] weights,
      float[][] testX, String[] testY) {
    TreeSet<String> trained = new TreeSet<>(List.of(trainY));
    TreeSet<String> labels = new TreeSet<>(trained);
    labels.addAll(List.of(testY));
    Map<String, Integer> index = new TreeMap<>();
    for (String l : labels) {
      index.put(l, index.size());
    }
    int[] truth = new int[testX.length];
    int[] predicted = new int[testX.length];
    for (int i = 0; i < testX.length; i++) {
      truth[i] = index.get(testY[i]);
    }
    if (trained.size() == 1) {
      // One class to learn: the only sensible classifier predicts it.
      java.util.Arrays.fill(predicted, index.get(trainY[0]));
      return ClassificationScores.of(truth, predicted, labels.size());
    }
    double meanWeight = 0;
    for (double w : weights) {
      meanWeight += w / weights.length;
    }
    List<Row> rows = new ArrayList<>(trainX.length);
    for (int i = 0; i < trainX.length; i++) {
      rows.add(RowFactory.create((double) index.get(trainY[i]), weights[i] / meanWeight, vector(trainX[i])));
    }
    // Materialized once in one partition: each optimizer iteration is one small task that reads a cached block
    // (a local relation would ship every row with every iteration's task).
    Dataset<Row> train = spark.createDataFrame(rows, SCHEMA).repartition(1).localCheckpoint();
    LogisticRegressionModel model;
    try {
      model = new LogisticRegression().setFamily("multinomial").setRegParam(REGULARIZATION)
          .setMaxIter(MAX_ITERATIONS).setTol(TOLERANCE).setWeightCol("weight").fit(train);
    } finally {
      train.unpersist();
    }
    for (int i = 0; i < testX.length; i++) {
      predicted[i] = (int) model.predict(vector(testX[i]));
    }
    return ClassificationScores.of(truth, predicted, labels.size());
  }

  private static Vector vector(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return Vectors.dense(d);
  }
}
