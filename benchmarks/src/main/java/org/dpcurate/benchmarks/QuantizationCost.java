package org.dpcurate.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.embedding.HashedNgramEmbedder;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.embedding.MiniLmEmbedder;
import org.dpcurate.embedding.NearestCandidates;
import org.dpcurate.simulation.PopulationConfig;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.CandidateGenerator;

/**
 * What int8 download embeddings cost: the demo's 12,000 private messages search their nearest candidate among the
 * demo's initial pool (2,000 candidates from the generator prior) on float32 embeddings and on the dequantized int8
 * ones; printed are the share of messages whose nearest candidate changes and the mean similarity lost.
 * Run: java -cp benchmarks/target/benchmarks.jar org.dpcurate.benchmarks.QuantizationCost
 */
public final class QuantizationCost {
  private QuantizationCost() {}

  public static void main(String[] args) {
    PopulationConfig config = PopulationConfig.defaults();
    System.out.println("embedder             d  messages  candidates  changed  mean_sim_float  mean_sim_int8  bytes/cand");
    for (Embedder embedder : List.of(new MiniLmEmbedder(), HashedNgramEmbedder.plain())) {
      PrivatePopulation population = PrivatePopulation.generate(config, embedder, 1);
      List<Candidate> pool = new CandidateGenerator(config.generatorPrior().distribution(), embedder)
          .initialPool(2000, 1, new SplittableRandom(1));
      float[][] exact = pool.stream().map(Candidate::embedding).toArray(float[][]::new);
      float[][] compact = new float[exact.length][];
      for (int c = 0; c < exact.length; c++) {
        compact[c] = Int8Quantization.quantize(exact[c]).dequantize();
      }
      NearestCandidates.Result a = NearestCandidates.search(population.embeddings(), exact);
      NearestCandidates.Result b = NearestCandidates.search(population.embeddings(), compact);
      int changed = 0;
      double simA = 0;
      double simB = 0;
      for (int m = 0; m < population.size(); m++) {
        changed += a.index()[m] != b.index()[m] ? 1 : 0;
        simA += a.similarity()[m];
        // The similarity the device really gets from its int8-chosen candidate, measured on float32.
        float s = 0;
        float[] x = population.embeddings()[m];
        float[] c = exact[b.index()[m]];
        for (int i = 0; i < x.length; i++) {
          s += x[i] * c[i];
        }
        simB += s;
      }
      int n = population.size();
      int d = exact[0].length;
      System.out.printf(Locale.ROOT, "%-18s %4d  %8d  %10d  %6.3f%%  %14.5f  %13.5f  %5d vs %d%n", embedder.name(), d,
          n, exact.length, 100.0 * changed / n, simA / n, simB / n, Int8Quantization.bytesPerVector(d), 4 * d);
    }
  }
}
