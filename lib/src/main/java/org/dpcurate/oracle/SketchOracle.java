package org.dpcurate.oracle;

import java.util.random.RandomGenerator;
import org.dpcurate.hash.XxHash64;

/**
 * The count-mean sketches (CMS, HCMS): k rows of m buckets, row j hashing with seed hashSalt + j, and signs flipped
 * with probability 1/(1+e^signEpsilon), whose debiasing factor is c = (e^signEpsilon+1)/(e^signEpsilon-1).
 */
abstract class SketchOracle extends FrequencyOracle implements HashedOracle {
  private static final long serialVersionUID = 1L;

  protected final int k;
  protected final int m;
  protected final double flip;
  protected final double c;

  /** @param signEpsilon the budget each transmitted sign spends (eps/2 for CMS's m signs, eps for HCMS's one) */
  SketchOracle(OracleConfig config, double signEpsilon) {
    super(config);
    k = config.sketchRows();
    m = config.sketchColumns();
    double e = Math.exp(signEpsilon);
    flip = 1 / (1 + e);
    c = (e + 1) / (e - 1);
  }

  /** The most one report adds to its row's debiased bucket sum at the bucket it supports. */
  abstract double maxBucketTerm();

  /** The read-out m/(m-1) (M[h] - n/m) turns the bucket term t of one report into m/(m-1) (t - 1/m). */
  @Override
  public double fakeReportGain() {
    return m / (m - 1.0) * (maxBucketTerm() - 1.0 / m);
  }

  @Override
  public int hashFunctions() {
    return k;
  }

  @Override
  public int hashRange() {
    return m;
  }

  @Override
  public int bucketOf(int function, int value) {
    return bucket(value, function);
  }

  /** The bucket of {@code value} in row {@code row}: XXH64 modulo m (HCMS overrides with its affine family). */
  protected int bucket(int value, int row) {
    return XxHash64.bucket(value, SketchDecoding.rowSeed(config.hashSalt(), row), m);
  }

  /** The report of a device whose value hashes to {@code bucket} in row {@code row}. */
  abstract Report encode(int row, int bucket, RandomGenerator rng);

  /** The probability of {@code report} for a device whose value hashes to {@code bucket} in the report's row. */
  abstract double bucketProbability(Report report, int bucket);

  @Override
  public Report randomize(int value, RandomGenerator rng) {
    requireInDomain(value);
    int row = rng.nextInt(k);
    return encode(row, bucket(value, row), rng);
  }

  @Override
  public double outputProbability(Report report, int value) {
    return bucketProbability(report, bucket(value, report.hashIndex()));
  }

  @Override
  public Report randomize(int value, long publicRandomness, RandomGenerator rng) {
    requireInDomain(value);
    int row = publicIndex(publicRandomness, k);
    return encode(row, bucket(value, row), rng);
  }

  @Override
  public boolean followsPublicRandomness(Report report, long publicRandomness) {
    return report.hashIndex() == publicIndex(publicRandomness, k);
  }

  @Override
  public Report randomizeAbsent(RandomGenerator rng) {
    int row = rng.nextInt(k);
    return encode(row, rng.nextInt(m), rng);
  }

  @Override
  public double absentOutputProbability(Report report) {
    double sum = 0;
    for (int b = 0; b < m; b++) {
      sum += bucketProbability(report, b);
    }
    return sum / m;
  }
}
