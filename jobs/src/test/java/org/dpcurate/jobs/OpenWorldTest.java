package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Curation toward real text the generator never wrote: labelled private messages in a file, a public initial pool,
 * lexical variation. Every curated row carries a label, every label keeps its own pool, the devices' messages and the
 * held-out ones stay apart, and evaluate scores the curated table on the same held-out split.
 */
class OpenWorldTest extends SparkTestBase {
  private static final List<String> SPORT = List.of("The team won the match in the final minute.",
      "Our coach praised the players after the game.", "The runner finished the race in record time.",
      "Fans cheered as the striker scored a goal.");
  private static final List<String> FOOD = List.of("Bake the bread until the crust is golden.",
      "Add salt and pepper to the soup before serving.", "The chef cooked a fresh pasta dinner.",
      "Stir the sauce slowly over a low flame.");

  @TempDir
  Path dir;

  private Path messages() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      boolean sport = i % 2 == 0;
      String text = (sport ? SPORT : FOOD).get(i / 2 % 4) + " Note " + i + ".";
      lines.add("{\"text\":\"" + text + "\",\"label\":\"" + (sport ? "sport" : "food") + "\",\"language\":\"en\""
          + (i % 5 == 0 ? ",\"split\":\"test\"" : ",\"split\":\"train\"") + "}");
    }
    return Files.write(dir.resolve("messages.jsonl"), lines, StandardCharsets.UTF_8);
  }

  private Path publicPool() throws Exception {
    List<String> lines = new ArrayList<>();
    String[] words = {"river", "mountain", "city", "garden", "market", "station", "library", "harbor"};
    for (int i = 0; i < 120; i++) {
      lines.add("{\"text\":\"A quiet walk to the " + words[i % 8] + " number " + i + " at dawn.\"}");
    }
    return Files.write(dir.resolve("pool.jsonl"), lines, StandardCharsets.UTF_8);
  }

  @Test
  void labelConditionalLexicalCurationOfRealTextWritesLabelledTrainingData() throws Exception {
    String wh = dir.resolve("wh").toString();
    Outcome o = run(new CurateJob(), "--warehouse", wh, "--campaign", "open", "--private-messages",
        messages().toString(), "--initial-pool", publicPool().toString(), "--variation", "lexical", "--candidates",
        "40", "--devices", "3000", "--rounds", "2", "--epsilon", "4");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    assertTrue(!o.stdout().contains("generator-ceiling"), "no generator ceiling for text the generator did not write");

    List<Row> candidates = spark.read().parquet(wh + "/candidates/campaign=open").collectAsList();
    Set<String> labels = new TreeSet<>();
    candidates.forEach(r -> labels.add(r.getAs("label")));
    assertEquals(Set.of("food", "sport"), labels, "every candidate of every round is in one label's pool");
    List<Row> round2 = spark.read().parquet(wh + "/candidates/campaign=open/ds=2026-01-02").collectAsList();
    assertTrue(round2.stream().anyMatch(r -> r.getAs("parent_id") != null), "round 2 holds variations");

    List<Row> curated = spark.read().parquet(wh + "/curated/campaign=open").collectAsList();
    assertTrue(curated.stream().allMatch(r -> r.getAs("label") != null), "every curated row carries its label");
    assertEquals(1.0, curated.stream().mapToDouble(r -> (double) r.getAs("weight")).sum(), 1e-9);

    List<Row> heldOut = spark.read().parquet(wh + "/labelled_messages/campaign=open").where("split = 'test'")
        .collectAsList();
    assertEquals(32, heldOut.size(), "the file's test rows, on no device");
    assertTrue(heldOut.stream().allMatch(r -> ((String) r.getAs("text")).matches(".* Note \\d*[05]\\.")));

    Outcome evaluated = run(new EvaluateJob(), "--warehouse", wh, "--campaign", "open", "--private-messages",
        messages().toString());
    assertEquals(ExitCode.SUCCESS, evaluated.code(), evaluated.stderr());
    assertTrue(evaluated.stdout().contains("tested on 32 held-out messages"), evaluated.stdout());
  }

  /**
   * Devices whose messages no candidate says much of vote flat: many candidates get a few votes each and few are
   * selected. Then the curated table pools the flat rounds' curated sets (both rounds here), curate scores it as
   * its own row, and nightly on the last date, reading the earlier round back from the warehouse, writes the same
   * table.
   */
  @Test
  void flatRoundsArePooledIntoTheCuratedTableByCurateAndByNightly() throws Exception {
    String[] words = {"amber", "bridge", "candle", "desert", "engine", "forest", "glacier", "harvest", "island",
        "jacket", "kettle", "lantern", "meadow", "needle", "orchard", "pepper", "quarry", "ribbon", "saddle",
        "tunnel", "umbrella", "valley", "walnut", "yonder", "zephyr"};
    java.util.Random random = new java.util.Random(3);
    List<String> messages = new ArrayList<>();
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      StringBuilder text = new StringBuilder();
      for (int j = 0; j < 5; j++) {
        text.append(j == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
      }
      (i < 400 ? messages : pool).add("{\"text\":\"" + text + "\"}");
    }
    // Campaign "fleet": curate accounts a campaign as its own fleet, nightly under the policy's ("fleet").
    String wh = dir.resolve("flat").toString();
    Outcome o = run(new CurateJob(), "--warehouse", wh, "--campaign", "fleet", "--private-messages",
        Files.write(dir.resolve("flat-messages.jsonl"), messages).toString(), "--initial-pool",
        Files.write(dir.resolve("flat-pool.jsonl"), pool).toString(), "--variation", "lexical", "--candidates",
        "150", "--devices", "3000", "--rounds", "2", "--epsilon", "2", "--skip-classifier");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    for (int day = 1; day <= 2; day++) {
      Row selected = spark.read().parquet(wh + "/ranked/campaign=fleet/ds=2026-01-0" + day).where("selected")
          .agg(org.apache.spark.sql.functions.sum("share")).first();
      assertTrue(selected.isNullAt(0) || selected.getDouble(0) < 0.5, "flat votes in round " + day + ": "
          + selected);
    }
    String manifestText = Files.readString(Path.of(wh, "curated", "campaign=fleet", "_manifest.json"));
    java.util.regex.Matcher manifest = java.util.regex.Pattern.compile("\"rounds_pooled\"\\s*:\\s*(\\d+)")
        .matcher(manifestText);
    assertTrue(manifest.find(), "the curated table's manifest says how many rounds it pools");
    assertEquals(2, Integer.parseInt(manifest.group(1)));
    for (String ds : List.of("2026-01-01", "2026-01-02")) {
      assertTrue(manifestText.contains("ranked/campaign=fleet/ds=" + ds), "the manifest's inputs name the ranking of "
          + ds + ", a round it pools: " + manifestText);
    }
    List<Row> curated = spark.read().parquet(wh + "/curated/campaign=fleet").drop("ds").collectAsList();
    Set<Integer> rounds = new TreeSet<>();
    curated.forEach(r -> rounds.add(r.getAs("round")));
    assertEquals(Set.of(1, 2), rounds, "round 1's candidates are rows of the table too");
    assertEquals(1.0, curated.stream().mapToDouble(r -> (double) r.getAs("weight")).sum(), 1e-9);
    assertTrue(o.stdout().matches("(?s).*\\ncurated-pooled +\\S+ +2 +" + curated.size() + " .*"),
        "the pooled table is scored as its own row\n" + o.stdout());

    Outcome nightly = run(new NightlyJob(), "--warehouse", wh, "--campaign", "fleet", "--ds", "2026-01-02",
        "--variation", "lexical");
    assertEquals(ExitCode.SUCCESS, nightly.code(), nightly.stderr());
    org.apache.spark.sql.Dataset<Row> after = spark.read().parquet(wh + "/curated/campaign=fleet").drop("ds");
    assertEquals(curated.size(), after.count());
    assertEquals(0, spark.createDataFrame(curated, after.schema()).exceptAll(after).count(),
        "nightly's curated table is curate's");
  }

  /**
   * Label-free curation of the same text (one pool for all devices): the candidates carry no label, so no attribute
   * mix is compared (tv is NaN), and the per-round table still shows every round's coverage of the private messages.
   */
  @Test
  void labelFreeCurationPrintsEveryRoundsCoverage() throws Exception {
    String wh = dir.resolve("free").toString();
    Outcome o = run(new CurateJob(), "--warehouse", wh, "--campaign", "free", "--private-messages",
        messages().toString(), "--initial-pool", publicPool().toString(), "--variation", "lexical", "--candidates",
        "40", "--devices", "3000", "--rounds", "2", "--epsilon", "4", "--ignore-labels", "--skip-classifier");
    assertEquals(ExitCode.SUCCESS, o.code(), o.stderr());
    String roundsTable = o.stdout().split("topic-acc")[0];
    for (int round = 0; round <= 2; round++) {
      assertTrue(roundsTable.matches("(?s).*\\ncurated +\\S+ +" + round + " +40 .*"), "round " + round + " in\n"
          + o.stdout());
    }
    assertTrue(spark.read().parquet(wh + "/candidates/campaign=free").where("label is not null").isEmpty());
  }
}
