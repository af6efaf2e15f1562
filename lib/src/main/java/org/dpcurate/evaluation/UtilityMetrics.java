package org.dpcurate.evaluation;

import java.io.Serializable;

/**
 * How useful a set of synthetic texts is as training data, measured on held-out real messages: a downstream
 * topic (and language) classifier's accuracy and macro-F1, and distances between the set and the real messages in
 * embedding space (Frechet distance; k-NN precision and recall). {@code gapClosed} is (this - initial) /
 * (private - initial) on topic accuracy: 0 is no better than the initial pool, 1 is as good as training on the
 * private messages themselves; NaN until {@link #withGapClosed} is given the two ends.
 */
public record UtilityMetrics(int trainingSize, double topicAccuracy, double topicMacroF1, double languageAccuracy,
    double frechetDistance, double precision, double recall, double gapClosed) implements Serializable {

  /** This set's figures with its share of the accuracy gap between {@code initial} and {@code upperBound}. */
  public UtilityMetrics withGapClosed(UtilityMetrics initial, UtilityMetrics upperBound) {
    double gap = upperBound.topicAccuracy - initial.topicAccuracy;
    double closed = gap > 0 ? (topicAccuracy - initial.topicAccuracy) / gap : Double.NaN;
    return new UtilityMetrics(trainingSize, topicAccuracy, topicMacroF1, languageAccuracy, frechetDistance,
        precision, recall, closed);
  }

  public static String header() {
    return String.format("%8s %8s %8s %7s %7s %6s %6s", "topic-acc", "macro-f1", "lang-acc", "gap", "fid", "prec",
        "recall");
  }

  public String row() {
    return String.format("%9.3f %8.3f %8.3f %7.3f %7.4f %6.3f %6.3f", topicAccuracy, topicMacroF1,
        languageAccuracy, gapClosed, frechetDistance, precision, recall);
  }
}
