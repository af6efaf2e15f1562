package org.dpcurate.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.dpcurate.embedding.NearestCandidates;
import org.dpcurate.selection.CuratedSet;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;

/** Scores a curated set against the hidden population; only simulations can do this. */
public final class RoundEvaluator {
  private final PrivatePopulation population;
  private final Map<String, Double> populationMix;
  private final int topK;

  public RoundEvaluator(PrivatePopulation population, int topK) {
    this.population = population;
    this.populationMix = population.coarseMix();
    this.topK = topK;
  }

  /** Round 0: the initial pool, every candidate weighted equally. */
  public RoundMetrics initialPool(List<Candidate> pool) {
    double[] weights = new double[pool.size()];
    Arrays.fill(weights, 1.0 / pool.size());
    double cov = coverage(pool);
    return new RoundMetrics(0, pool.size(), pool.size(), totalVariation(pool, weights), cov, Double.NaN,
        Double.NaN, Double.NaN, cov);
  }

  /** A round with estimates: its {@link CuratedSet} is scored. */
  public RoundMetrics round(int round, List<Candidate> pool, List<RankedCandidate> ranking, long[] trueCounts) {
    CuratedSet set = CuratedSet.of(ranking, Candidate.labelsByIndex(pool));
    List<Candidate> curated = set.pick(pool);
    double tv = curated.isEmpty() ? 1 : totalVariation(curated, set.weights());
    double poolCov = coverage(pool);
    // At eps < inf the curated set is usually the whole pool: the same nearest candidates, so the same figure.
    double cov = curated.isEmpty() ? 0 : curated.size() == pool.size() ? poolCov : coverage(curated);
    long selected = ranking.stream().filter(RankedCandidate::selected).count();
    double recall = topKRecall(ranking, trueCounts);
    double absZ = 0;
    int covered = 0;
    for (RankedCandidate r : ranking) {
      double truth = trueCounts[r.index()];
      absZ += Math.abs(r.estimate() - truth) / r.stdError();
      if (truth >= r.ciLow() && truth <= r.ciHigh()) {
        covered++;
      }
    }
    return new RoundMetrics(round, pool.size(), (int) selected, tv, cov, recall, absZ / ranking.size(),
        (double) covered / ranking.size(), poolCov);
  }

  /**
   * Total variation distance over the population's coarse mix (topic|language|length, or the label of real text);
   * unstructured candidates of the generated world count as unmatched; NaN for unlabelled candidates of real text.
   */
  public double totalVariation(List<Candidate> curated, double[] weights) {
    Map<String, Double> mix = new HashMap<>();
    for (int i = 0; i < curated.size(); i++) {
      String key = population.mixKeyOf(curated.get(i));
      if (key == null) {
        return Double.NaN; // unlabelled candidates of real text: no attribute mix to compare (label-free mode)
      }
      mix.merge(key, weights[i], Double::sum);
    }
    Set<String> keys = new HashSet<>(mix.keySet());
    keys.addAll(populationMix.keySet());
    double tv = 0;
    for (String k : keys) {
      tv += Math.abs(mix.getOrDefault(k, 0.0) - populationMix.getOrDefault(k, 0.0));
    }
    return tv / 2;
  }

  /** Mean cosine similarity of every private message to its nearest candidate of {@code curated}. */
  public double coverage(List<Candidate> curated) {
    float[][] embeddings = curated.stream().map(Candidate::embedding).toArray(float[][]::new);
    float[] sim = NearestCandidates.search(population.embeddings(), embeddings).similarity();
    double s = 0;
    for (float x : sim) {
      s += x;
    }
    return s / sim.length;
  }

  private double topKRecall(List<RankedCandidate> ranking, long[] trueCounts) {
    int k = Math.min(topK, ranking.size());
    Set<Integer> trueTop = new HashSet<>();
    IntStream.range(0, trueCounts.length).boxed()
        .sorted(Comparator.comparingLong((Integer i) -> -trueCounts[i]).thenComparingInt(i -> i))
        .limit(k)
        .forEach(trueTop::add);
    long hits = ranking.stream().limit(k).filter(r -> trueTop.contains(r.index())).count();
    return (double) hits / k;
  }
}
