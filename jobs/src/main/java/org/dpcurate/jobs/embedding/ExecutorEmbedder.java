package org.dpcurate.jobs.embedding;

import java.io.ObjectStreamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.EmbeddingsTable;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model's embeddings, computed where they are cheapest: a batch is first looked up in this run's memory, then
 * in the warehouse's embedding cache ({@link EmbeddingsTable}); what is left is embedded on the executors and
 * committed to the cache. A batch of fewer than {@link #EXECUTOR_MINIMUM} new texts costs less to embed in the
 * driver than to look up, so it is, and {@link #flush} files such texts with the cache later (callers flush when
 * a step ends). The vectors are the model's own, so results do not depend on where a text was embedded or
 * whether it was cached.
 *
 * <p>Serializing it (a closure that captured it) ships the bare model instead, which embeds locally.
 */
public final class ExecutorEmbedder implements Embedder {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorEmbedder.class);

  /** Below this many new texts, a Spark job costs more than it saves: the driver embeds them. */
  public static final int EXECUTOR_MINIMUM = 256;
  /** Texts per Spark task: small enough to balance, large enough to amortize the task. */
  static final int TEXTS_PER_TASK = 500;

  private final transient Warehouse warehouse;
  private final Embedder model;
  private final transient Map<String, float[]> memory = new HashMap<>();
  private final transient Map<String, float[]> pending = new LinkedHashMap<>();
  private transient int batches;

  public ExecutorEmbedder(Warehouse warehouse, Embedder model) {
    this.warehouse = warehouse;
    this.model = model;
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public float[] embed(String text) {
    return embedAll(List.of(text))[0];
  }

  @Override
  public synchronized float[][] embedAll(List<String> texts) {
    List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts));
    missing.removeIf(memory::containsKey);
    if (missing.size() >= EXECUTOR_MINIMUM) {
      long start = System.nanoTime();
      Map<String, float[]> cached = EmbeddingsTable.lookup(warehouse, model.name(), missing, model.dimension());
      memory.putAll(cached);
      missing.removeIf(cached::containsKey);
      Map<String, float[]> fresh = compute(missing);
      memory.putAll(fresh);
      commit(fresh);
      LOG.info("embedded {} texts with {}: {} cached, {} new{} in {}", cached.size() + fresh.size(), model.name(),
          cached.size(), fresh.size(), fresh.size() >= EXECUTOR_MINIMUM ? " (on the executors)" : "",
          Timing.since(start));
    } else if (!missing.isEmpty()) {
      // Fewer texts than a cache lookup is worth: the driver embeds them; flush() files them with the cache.
      float[][] vectors = model.embedAll(missing);
      for (int i = 0; i < vectors.length; i++) {
        memory.put(missing.get(i), vectors[i]);
        pending.put(missing.get(i), vectors[i]);
      }
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = memory.get(texts.get(i));
    }
    return out;
  }

  /** Files the small batches embedded since the last commit with the cache (those it does not hold yet). */
  public synchronized void flush() {
    commit(Map.of());
  }

  /** Commits {@code fresh} and the pending small batches (less what the cache already holds) as one batch. */
  private void commit(Map<String, float[]> fresh) {
    Map<String, float[]> batch = new LinkedHashMap<>(fresh);
    if (!pending.isEmpty()) {
      EmbeddingsTable.lookup(warehouse, model.name(), new ArrayList<>(pending.keySet()), model.dimension()).keySet()
          .forEach(pending::remove);
      batch.putAll(pending);
      pending.clear();
    }
    if (!batch.isEmpty()) {
      EmbeddingsTable.append(warehouse, model.name(), batch, ++batches);
    }
  }

  private Map<String, float[]> compute(List<String> texts) {
    float[][] vectors;
    if (texts.size() < EXECUTOR_MINIMUM) {
      vectors = model.embedAll(texts);
    } else {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext());
      int tasks = Math.max(jsc.defaultParallelism(), (texts.size() + TEXTS_PER_TASK - 1) / TEXTS_PER_TASK);
      Embedder shipped = model;
      // One model per executor JVM (lazily loaded by the model class); each task embeds its texts in order.
      vectors = jsc.parallelize(texts, tasks).mapPartitions(it -> {
        List<float[]> out = new ArrayList<>();
        it.forEachRemaining(t -> out.add(shipped.embed(t)));
        return out.iterator();
      }).collect().toArray(float[][]::new);
    }
    Map<String, float[]> out = new LinkedHashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      out.put(texts.get(i), vectors[i]);
    }
    return out;
  }

  /** A closure that captured this embedder gets the bare model: executors have no warehouse or session. */
  private Object writeReplace() throws ObjectStreamException {
    return model;
  }
}
