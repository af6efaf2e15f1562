package org.dpcurate.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.FrequencyEstimator;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.Report;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-oracle kernels at K = 10,000, eps = 2: randomize and aggregate are reported per report (ops/s =
 * reports/s), merge per merge of two full states, estimate per full decode with variances.
 * Run: java -jar benchmarks/target/benchmarks.jar OracleKernels -f 1 -wi 2 -i 3
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class OracleKernels {
  private static final int BATCH = 4096;
  private static final long REPORTS = 10_000_000;

  @Param({"GRR", "OUE", "OLH", "FLH", "CMS", "HCMS"})
  public String oracle;

  @Param({"10000"})
  public int candidates;

  private FrequencyOracle frequencyOracle;
  private Report[] reports;
  private int[] values;
  private SplittableRandom rng;
  private OracleAggregator full;
  private OracleAggregator other;
  private OracleAggregator sink;

  @Setup(Level.Trial)
  public void setUp() {
    OracleKind kind = OracleKind.parse(oracle);
    OracleConfig config = kind.defaultConfig(2, candidates, REPORTS, 0L);
    frequencyOracle = FrequencyOracle.of(config);
    rng = new SplittableRandom(7);
    values = new int[BATCH];
    reports = new Report[BATCH];
    for (int i = 0; i < BATCH; i++) {
      values[i] = rng.nextInt(candidates);
      reports[i] = frequencyOracle.randomize(values[i], rng);
    }
    sink = frequencyOracle.newAggregator();
    full = frequencyOracle.newAggregator();
    other = frequencyOracle.newAggregator();
    for (Report r : reports) {
      full.add(r);
      other.add(r);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Report randomize() {
    Report last = null;
    for (int v : values) {
      last = frequencyOracle.randomize(v, rng);
    }
    return last;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public OracleAggregator aggregate() {
    for (Report r : reports) {
      sink.add(r);
    }
    return sink;
  }

  @Benchmark
  public OracleAggregator merge() {
    return full.merge(other);
  }

  @Benchmark
  public FrequencyEstimates estimate() {
    return FrequencyEstimator.estimate(full);
  }
}
