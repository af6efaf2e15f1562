package org.dpcurate.evaluation;

/**
 * Accuracy and macro-F1 of predicted class labels against the truth. Macro-F1 averages the per-class F1 over
 * every class that occurs in the truth or the predictions, so a classifier that never predicts a rare class is
 * charged for it (accuracy alone would hide it).
 */
public record ClassificationScores(double accuracy, double macroF1) {
  public static ClassificationScores of(int[] truth, int[] predicted, int classes) {
    if (truth.length != predicted.length || truth.length == 0) {
      throw new IllegalArgumentException("need equally many truths and predictions, at least one: "
          + truth.length + " vs " + predicted.length);
    }
    long[] truePositive = new long[classes];
    long[] trueCount = new long[classes];
    long[] predictedCount = new long[classes];
    long correct = 0;
    for (int i = 0; i < truth.length; i++) {
      trueCount[truth[i]]++;
      predictedCount[predicted[i]]++;
      if (truth[i] == predicted[i]) {
        truePositive[truth[i]]++;
        correct++;
      }
    }
    double f1Sum = 0;
    int present = 0;
    for (int c = 0; c < classes; c++) {
      if (trueCount[c] + predictedCount[c] == 0) {
        continue;
      }
      present++;
      f1Sum += 2.0 * truePositive[c] / (trueCount[c] + predictedCount[c]);
    }
    return new ClassificationScores((double) correct / truth.length, f1Sum / present);
  }
}
