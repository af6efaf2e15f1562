package org.dpcurate.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.testing.LocalSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One local[2] SparkSession per test class, and helpers to run jobs as a user would. */
abstract class SparkTestBase {
  static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("dpcurate-test");
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }

  /** A tiny simulated world: 20,000 devices, 1,500 distinct messages, 20 hot specs. */
  static Path tinyPopulation(Path dir) throws IOException {
    Path file = dir.resolve("population.properties");
    Files.writeString(file, String.join("\n",
        "devices=20000", "messages.per.device=3", "distinct.messages=1500", "hot.specs=20", "hot.share=0.85",
        "hot.zipf=1.0", "order.seed=7"));
    return file;
  }

  /**
   * Replaces a committed partition's data with {@code rows}, keeping its manifest (test set-up of bad input that
   * arrived committed): the rows are written elsewhere first, since Spark cannot overwrite what it reads.
   */
  static void overwriteKeepingManifest(Path partition, Dataset<Row> rows, Path scratch) throws IOException {
    byte[] manifest = Files.readAllBytes(partition.resolve("_manifest.json"));
    String tmp = scratch.resolve("tmp-" + System.nanoTime()).toString();
    rows.write().parquet(tmp);
    spark.read().parquet(tmp).write().mode(SaveMode.Overwrite).parquet(partition.toString());
    Files.write(partition.resolve("_manifest.json"), manifest);
  }

  static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Exit code and captured stderr of one job run. */
  record Outcome(ExitCode code, String stderr, String stdout) {}

  /**
   * Runs {@code job} with those of {@code args} it declares: the tests share one argument list across jobs, and
   * each job takes only the options it reads.
   */
  static Outcome runShared(Job job, String... args) {
    return run(job, onlyDeclared(job, args));
  }

  /**
   * Tests embed with the hashed n-gram embedder unless they name one: the real model's own tests pass
   * {@code --embedder minilm}.
   */
  static String[] withFastEmbedder(Job job, String... args) {
    boolean declares = job.options().stream().anyMatch(o -> o.name().equals("embedder"));
    if (!declares || List.of(args).contains("--embedder")) {
      return args;
    }
    String[] out = java.util.Arrays.copyOf(args, args.length + 2);
    out[args.length] = "--embedder";
    out[args.length + 1] = "ngram";
    return out;
  }

  /** {@code args} without the options {@code job} does not declare (with their values). */
  static String[] onlyDeclared(Job job, String... args) {
    Map<String, Boolean> declared = new HashMap<>();
    job.options().forEach(o -> declared.put("--" + o.name(), o.isFlag()));
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      Boolean flag = declared.get(args[i]);
      boolean option = args[i].startsWith("--");
      boolean takesValue = option && (flag == null || !flag) && i + 1 < args.length && !args[i + 1].startsWith("--");
      if (!option || flag != null) {
        kept.add(args[i]);
        if (takesValue) {
          kept.add(args[++i]);
        }
      } else if (takesValue) {
        i++;
      }
    }
    return kept.toArray(String[]::new);
  }

  static Outcome run(Job job, String... args) {
    args = withFastEmbedder(job, args);
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      ExitCode code = JobRunner.run(job, args);
      return new Outcome(code, errBytes.toString(StandardCharsets.UTF_8), outBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
  }
}
