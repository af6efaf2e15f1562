package org.dpcurate.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.embedding.HashedNgramEmbedder;
import org.dpcurate.embedding.MiniLmEmbedder;
import org.dpcurate.simulation.PopulationConfig;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.MessageRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sentences embedded per second: the real model (quantized all-MiniLM-L6-v2, one ONNX Runtime thread per call)
 * against the hashed n-gram embedder, on the demo's private phrasings (all five languages, every length). Run
 * with {@code -t 1} for the single-thread speed and {@code -t N} for N threads sharing one model.
 * Run: java -jar benchmarks/target/benchmarks.jar EmbeddingThroughput -t 1
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class EmbeddingThroughput {
  private static final int TEXTS = 1000;

  @Param({"minilm", "ngram"})
  public String embedder;

  private Embedder model;
  private String[] texts;

  @Setup(Level.Trial)
  public void setUp() {
    model = embedder.equals("minilm") ? new MiniLmEmbedder() : HashedNgramEmbedder.plain();
    PopulationConfig config = PopulationConfig.defaults();
    SplittableRandom rng = new SplittableRandom(1);
    texts = new String[TEXTS];
    var hidden = PrivatePopulation.hiddenDistribution(config);
    for (int i = 0; i < TEXTS; i++) {
      texts[i] = MessageRenderer.privatePhrasing(hidden.draw(rng), config.noiseRate(), config.mixRate(), rng);
    }
    model.embed(texts[0]);
  }

  /** Per-thread position in the text list, so threads do not contend on a counter. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  public float[] embed(Cursor cursor) {
    cursor.next = (cursor.next + 1) % TEXTS;
    return model.embed(texts[cursor.next]);
  }
}
