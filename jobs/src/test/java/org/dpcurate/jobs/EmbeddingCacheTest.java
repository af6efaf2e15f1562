package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.dpcurate.embedding.Embedder;
import org.dpcurate.embedding.HashedNgramEmbedder;
import org.dpcurate.jobs.embedding.ExecutorEmbedder;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.tables.EmbeddingsTable;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor embedder and its cache table, on real Parquet and a real session (with the fast model). */
class EmbeddingCacheTest extends SparkTestBase {
  private static final Embedder MODEL = HashedNgramEmbedder.plain();

  @TempDir
  Path dir;

  private static List<String> texts(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + " message " + i);
    }
    return out;
  }

  private long cached(Warehouse w) {
    return spark.read().parquet(EmbeddingsTable.modelDir(w, MODEL.name())).count();
  }

  @Test
  void executorVectorsAreTheModelsAndNothingIsEmbeddedTwice() {
    Warehouse w = new Warehouse(dir.toString(), spark);
    List<String> first = texts("first", 400);
    float[][] got = new ExecutorEmbedder(w, MODEL).embedAll(first);
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(MODEL.embed(first.get(i)), got[i], first.get(i));
    }
    assertEquals(400, cached(w));

    // A later run (a new embedder, empty memory) finds the 400 and embeds only the 20 new texts.
    List<String> second = new ArrayList<>(first);
    second.addAll(texts("second", 20));
    second.add(first.get(0));
    float[][] again = new ExecutorEmbedder(new Warehouse(dir.toString(), spark), MODEL).embedAll(second);
    assertEquals(420, cached(w));
    for (int i = 0; i < second.size(); i++) {
      assertArrayEquals(MODEL.embed(second.get(i)), again[i], second.get(i));
    }
  }

  @Test
  void smallBatchesAreFiledWithTheCacheOnFlush() {
    Warehouse w = new Warehouse(dir.toString(), spark);
    ExecutorEmbedder embedder = new ExecutorEmbedder(w, MODEL);
    embedder.embedAll(texts("first", 300));
    List<String> small = texts("small", 5);
    small.add("first message 0");
    float[][] got = embedder.embedAll(small);
    assertArrayEquals(MODEL.embed("small message 3"), got[3]);
    assertEquals(300, cached(w), "a small batch waits for the flush");
    embedder.flush();
    assertEquals(305, cached(w), "only the texts the cache lacks are filed");
    embedder.flush();
    assertEquals(305, cached(w));
  }

  @Test
  void anUncommittedBatchIsNeverRead() {
    Warehouse w = new Warehouse(dir.toString(), spark);
    String text = "a text a killed run was writing";
    List<Float> wrong = new ArrayList<>();
    for (int i = 0; i < MODEL.dimension(); i++) {
      wrong.add(i == 0 ? 1f : 0f);
    }
    Row row = RowFactory.create(EmbeddingsTable.hash(text), text, wrong);
    spark.createDataFrame(List.of(row), EmbeddingsTable.SCHEMA).write()
        .parquet(EmbeddingsTable.modelDir(w, MODEL.name()) + "/batch=killed-1");
    List<String> batch = texts("other", ExecutorEmbedder.EXECUTOR_MINIMUM);
    batch.add(text);
    float[][] got = new ExecutorEmbedder(w, MODEL).embedAll(batch);
    assertArrayEquals(MODEL.embed(text), got[batch.size() - 1]);
  }

  @Test
  void aCachedVectorOfAnotherDimensionIsRefused() {
    Warehouse w = new Warehouse(dir.toString(), spark);
    String text = "a text cached with the wrong shape";
    float[] short3 = {1, 0, 0};
    EmbeddingsTable.append(w, MODEL.name(), java.util.Map.of(text, short3), 1);
    List<String> batch = texts("other", ExecutorEmbedder.EXECUTOR_MINIMUM);
    batch.add(text);
    JobException e = assertThrows(JobException.class, () -> new ExecutorEmbedder(w, MODEL).embedAll(batch));
    assertEquals(ExitCode.MISSING_INPUT, e.exitCode());
  }
}
