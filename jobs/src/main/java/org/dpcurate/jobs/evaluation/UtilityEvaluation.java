package org.dpcurate.jobs.evaluation;

import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.evaluation.ClassificationScores;
import org.dpcurate.evaluation.FrechetDistance;
import org.dpcurate.evaluation.KnnPrecisionRecall;
import org.dpcurate.evaluation.UtilityMetrics;
import org.dpcurate.jobs.runtime.Timing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores training sets against one held-out test set of real messages: the test side (its Gaussian, its k-NN
 * manifold) is fitted once, then each set trains two classifiers (topic, language) and is compared in embedding
 * space. The k-NN manifolds use seeded subsamples of at most {@link #KNN_POINTS} points of each side, since their
 * cost is quadratic. Training the classifiers is most of an evaluation's time; without them a set is scored by its
 * distances alone.
 */
public final class UtilityEvaluation {
  private static final Logger LOG = LoggerFactory.getLogger(UtilityEvaluation.class);
  static final int KNN_POINTS = 2000;

  private final SparkSession spark;
  private final LabelledSet test;
  private final FrechetDistance frechet;
  private final KnnPrecisionRecall knn;
  private final long seed;
  private final boolean classify;

  public UtilityEvaluation(SparkSession spark, LabelledSet test, long seed) {
    this(spark, test, seed, true);
  }

  /** @param classify whether each set trains the downstream classifiers (else their figures are NaN) */
  public UtilityEvaluation(SparkSession spark, LabelledSet test, long seed, boolean classify) {
    if (test.size() <= KnnPrecisionRecall.DEFAULT_K) {
      throw new IllegalArgumentException("the test set needs more than " + KnnPrecisionRecall.DEFAULT_K
          + " messages, has " + test.size());
    }
    long start = System.nanoTime();
    this.spark = spark;
    this.test = test;
    this.seed = seed;
    this.classify = classify;
    this.frechet = FrechetDistance.reference(test.embeddings());
    this.knn = new KnnPrecisionRecall(pick(test.embeddings(), sample(test.size(), KNN_POINTS, seed)),
        KnnPrecisionRecall.DEFAULT_K);
    LOG.info("utility evaluation: {} held-out messages fitted in {}{}", test.size(), Timing.since(start),
        classify ? "" : "; no classifier is trained (--skip-classifier)");
  }

  public LabelledSet test() {
    return test;
  }

  /** The figures of training on {@code train} (gap closed still NaN). */
  public UtilityMetrics evaluate(LabelledSet train) {
    if (train.size() == 0) {
      throw new IllegalArgumentException(train.name() + ": no labelled texts to train on");
    }
    long start = System.nanoTime();
    double fid = frechet.to(train.embeddings(), train.weights());
    int[] sampled = sample(train.size(), KNN_POINTS, seed + 1);
    double[] sampledWeights = new double[sampled.length];
    for (int i = 0; i < sampled.length; i++) {
      sampledWeights[i] = train.weights()[sampled[i]];
    }
    KnnPrecisionRecall.Result pr = knn.of(pick(train.embeddings(), sampled), sampledWeights);
    double distances = Timing.seconds(start);
    // A classifier needs classes on both sides: unlabelled sets (label-free curation of real text) get NaN.
    ClassificationScores topic = classify && train.hasClasses() && test.hasClasses()
        ? DownstreamClassifier.trainAndTest(spark, train.embeddings(), train.topics(), train.weights(),
            test.embeddings(), test.topics())
        : null;
    ClassificationScores language = classify && train.hasLanguages() && test.hasLanguages()
        ? DownstreamClassifier.trainAndTest(spark, train.embeddings(), train.languages(), train.weights(),
            test.embeddings(), test.languages())
        : null;
    UtilityMetrics m = new UtilityMetrics(train.size(), topic == null ? Double.NaN : topic.accuracy(),
        topic == null ? Double.NaN : topic.macroF1(), language == null ? Double.NaN : language.accuracy(), fid,
        pr.precision(), pr.recall(), Double.NaN);
    LOG.info("utility of {} ({} texts): topic accuracy {}, macro-F1 {}, FID {} in {} (distances {} s)",
        train.name(), train.size(), String.format("%.3f", m.topicAccuracy()), String.format("%.3f", m.topicMacroF1()),
        String.format("%.4f", fid), Timing.since(start), String.format("%.1f", distances));
    return m;
  }

  /** Up to {@code max} of {@code n} indices: a seeded sample without replacement (all, in order, if n <= max). */
  private static int[] sample(int n, int max, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n <= max) {
      return order;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + rng.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return java.util.Arrays.copyOf(order, max);
  }

  private static float[][] pick(float[][] x, int[] indices) {
    float[][] out = new float[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      out[i] = x[indices[i]];
    }
    return out;
  }
}
