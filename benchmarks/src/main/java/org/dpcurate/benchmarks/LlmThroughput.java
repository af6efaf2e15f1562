package org.dpcurate.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dpcurate.refinement.LlmVariation;
import org.dpcurate.refinement.RandomWeightsGguf;
import org.dpcurate.synthesis.Candidate;

/**
 * Throughput of the llm variation on a random-weight model at SmolLM2-135M's shape (width 576, 30 blocks, 9 heads,
 * feed-forward 1,536, 49,152 tokens; float32 weights, all heads with their own keys and values): variations a
 * second and seconds a variation at a token cap, as an operator's real model of that size would run.
 * {@code java -cp benchmarks/target/benchmarks.jar org.dpcurate.benchmarks.LlmThroughput [variations] [maxTokens]}
 */
public final class LlmThroughput {
  private LlmThroughput() {}

  public static void main(String[] args) throws Exception {
    int variations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int maxTokens = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    Path dir = Files.createTempDirectory("llm-throughput");
    long t = System.nanoTime();
    Path model = RandomWeightsGguf.write(dir.resolve("smollm2-135m-shape.gguf"), 576, 30, 9, 1536, 49_152, 1);
    System.out.printf("wrote %,d bytes in %.1f s%n", Files.size(model), (System.nanoTime() - t) / 1e9);
    t = System.nanoTime();
    LlmVariation llm = new LlmVariation(model, maxTokens, 60_000, 0.5);
    System.out.printf("loaded in %.1f s%n", (System.nanoTime() - t) / 1e9);
    Candidate parent = new Candidate("c1", 1, null, 0, "Running late, can we move the call to tomorrow afternoon?",
        null, new float[] {1}, null);
    SplittableRandom rng = new SplittableRandom(1);
    llm.vary(parent, 2, 1, rng); // warm-up
    t = System.nanoTime();
    int chars = 0;
    for (int i = 0; i < variations; i++) {
      chars += llm.vary(parent, 2, 1, rng).text().length();
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    System.out.printf("%d variations of <= %d tokens in %.1f s: %.2f variations/s, %.2f s a variation, %d chars%n",
        variations, maxTokens, seconds, variations / seconds, seconds / variations, chars);
    Files.deleteIfExists(model);
    Files.deleteIfExists(dir);
    System.exit(0); // llama.cpp's task thread is not a daemon: the JVM would wait on it forever
  }
}
