package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.dpcurate.discovery.DiscoveredString;
import org.dpcurate.discovery.DiscoveryEvaluation;
import org.dpcurate.discovery.DiscoveryResult;
import org.dpcurate.discovery.FragmentPuzzleDiscovery;
import org.dpcurate.discovery.PrefixTreeDiscovery;
import org.dpcurate.discovery.PromptPopulation;
import org.dpcurate.discovery.RoundSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers popular unknown strings (prompt trends) over rounds with disjoint cohorts, by prefix-tree extension,
 * the Sequence Fragment Puzzle, or both; writes per-round candidate tables, the ranked discovered strings and, in
 * simulation, their scores against the truth.
 */
public final class DiscoverJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoverJob.class);
  private static final int SHOWN = 15;

  public static void main(String[] args) {
    JobRunner.main(new DiscoverJob(), args);
  }

  @Override
  public String name() {
    return "discover";
  }

  @Override
  public String summary() {
    return "discover popular unknown strings (prompt trends) over rounds of device cohorts";
  }

  @Override
  public void define(Cli cli) {
    DiscoverSettings.addOptions(cli);
  }

  /** One method's run and its score. */
  record MethodRun(String method, String campaign, DiscoveryResult result, DiscoveryEvaluation evaluation,
      LocalDate lastDs, double seconds) {}

  @Override
  public void run(Cli cli) {
    DiscoverSettings s = DiscoverSettings.from(cli);
    SparkSession spark = Sessions.getOrCreate("dpcurate-discover");
    Warehouse w = new Warehouse(s.warehouse(), spark);
    PromptPopulation population = new PromptPopulation(s.population());
    long devices = s.population().devices();
    List<MethodRun> runs = new ArrayList<>();
    for (String method : s.methods()) {
      String campaign = s.campaignOf(method);
      int rounds = s.roundsOf(method);
      DiscoveryChannel channel = new DiscoveryChannel(spark, w, campaign, s.start(), population, s, rounds);
      LOG.info("{}: {} over {} devices in {} rounds from {}, eps {} per device", campaign, method, devices, rounds,
          s.start(), s.discovery().epsilon());
      long t = System.nanoTime();
      DiscoveryResult result = Cli.validated("method", () -> method.equals(PrefixTreeDiscovery.METHOD)
          ? PrefixTreeDiscovery.run(population.vocabulary(), s.population().maxWords(), devices, s.discovery(),
              channel)
          : FragmentPuzzleDiscovery.run(population.vocabulary(), s.population().maxWords(), devices, s.discovery(),
              channel));
      double seconds = Timing.seconds(t);
      LocalDate lastDs = channel.dateOf(result.rounds().get(result.rounds().size() - 1).round());
      DiscoveryTables.writeRounds(spark, w, campaign, result, channel);
      DiscoveryTables.writeDiscovered(spark, w, campaign, result, lastDs);
      runs.add(new MethodRun(method, campaign, result, null, lastDs, seconds));
    }
    // Simulation only: exact counts of every string over the population, to score the outputs.
    Map<String, Long> truth = truth(spark, population, s, runs);
    List<MethodRun> scored = new ArrayList<>();
    for (MethodRun r : runs) {
      DiscoveryEvaluation e = DiscoveryEvaluation.of(r.result().discovered(), truth, devices, s.evaluateShare());
      Set<String> found = new HashSet<>();
      r.result().discovered().forEach(d -> found.add(d.text()));
      DiscoveryTables.writeTruth(spark, w, r.campaign(), truth, devices,
          (long) Math.ceil(s.evaluateShare() * devices / 5), found);
      scored.add(new MethodRun(r.method(), r.campaign(), r.result(), e, r.lastDs(), r.seconds()));
      w.writeText(w.root() + "/summaries/" + r.campaign() + ".json", summaryJson(s, scored.get(scored.size() - 1)));
    }
    System.out.print(report(s, scored));
    System.out.println("outputs under " + w.root() + " (tables discovered, discovery_rounds, discovery_truth, "
        + "reports, ledger); summaries under " + w.root() + "/summaries/");
  }

  /** Counts of the strings held by at least a fifth of the evaluated share, plus those of every output string. */
  static Map<String, Long> truth(SparkSession spark, PromptPopulation population, DiscoverSettings s,
      List<MethodRun> runs) {
    long t = System.nanoTime();
    long devices = s.population().devices();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<PromptPopulation> pop = jsc.broadcast(population);
    long seed = s.seed();
    MapPartitionsFunction<Long, String> texts = ids -> {
      PromptPopulation p = pop.value();
      return DeviceIds.map(ids, id -> p.vocabulary().text(p.promptOf(id, seed)));
    };
    Set<String> outputs = new HashSet<>();
    runs.forEach(r -> r.result().discovered().forEach(d -> outputs.add(d.text())));
    long floor = (long) Math.ceil(s.evaluateShare() * devices / 5);
    try {
      Dataset<Row> counts = spark.range(0, devices, 1, Math.max(2, (int) Math.min(200, devices / 500_000 + 2)))
          .mapPartitions(texts, Encoders.STRING()).groupBy("value").count();
      Dataset<Row> wanted = counts.where(functions.col("count").geq(floor)
          .or(functions.col("value").isin(outputs.toArray())));
      Map<String, Long> out = new HashMap<>();
      for (Row r : wanted.collectAsList()) {
        out.put(r.getString(0), r.getLong(1));
      }
      LOG.info("truth: {} strings held by >= {} devices counted in {}", out.size(), floor, Timing.since(t));
      return out;
    } finally {
      pop.destroy();
    }
  }

  static String report(DiscoverSettings s, List<MethodRun> runs) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%n%d devices, eps %s per device, %d-word vocabulary, strings of %d-%d words%n", s.population().devices(),
        s.discovery().epsilon(), s.population().vocabularySize(), s.population().minWords(),
        s.population().maxWords()));
    out.append(String.format(Locale.ROOT, "%-12s %6s %7s %7s %7s %7s %6s %6s %8s%n", "method", "rounds", "output",
        "popular", "found", "recall", "false", "below", "seconds"));
    for (MethodRun r : runs) {
      DiscoveryEvaluation e = r.evaluation();
      out.append(String.format(Locale.ROOT, "%-12s %6d %7d %7d %7d %7.3f %6d %6d %8.1f%n", r.method(),
          r.result().rounds().size(), e.output(), e.popular(), e.found(), e.recall(), e.falseDiscoveries(),
          e.belowThreshold(), r.seconds()));
    }
    out.append(String.format(Locale.ROOT, "(popular: true share >= %.3g; false: output held by no device; below: "
        + "output held by fewer)%n", s.evaluateShare()));
    for (MethodRun r : runs) {
      out.append(String.format(Locale.ROOT, "%n%s: top discovered strings (share, 95%% interval)%n", r.method()));
      for (DiscoveredString d : r.result().discovered().subList(0, Math.min(SHOWN, r.result().discovered().size()))) {
        out.append(String.format(Locale.ROOT, "  %3d  %-44s %6.3f%%  [%6.3f%%, %6.3f%%]  round %d%n", d.rank(),
            d.text(), 100 * d.share(), 100 * d.shareLow(), 100 * d.shareHigh(), d.round()));
      }
      if (!r.evaluation().missed().isEmpty()) {
        out.append("  missed: ").append(r.evaluation().missed()).append('\n');
      }
    }
    return out.toString();
  }

  static String summaryJson(DiscoverSettings s, MethodRun r) {
    DiscoveryEvaluation e = r.evaluation();
    StringBuilder json = new StringBuilder("{\n");
    json.append(String.format(Locale.ROOT, "  \"campaign\": \"%s\",%n  \"method\": \"%s\",%n  \"devices\": %d,%n"
            + "  \"epsilon_per_device\": %s,%n  \"seed\": %d,%n  \"wall_seconds\": %.1f,%n"
            + "  \"evaluate_share\": %s,%n  \"popular\": %d,%n  \"found\": %d,%n  \"recall\": %s,%n"
            + "  \"output\": %d,%n  \"false_discoveries\": %d,%n  \"false_discovery_share\": %s,%n"
            + "  \"below_threshold\": %d,%n  \"rounds\": [%n", r.campaign(), r.method(), s.population().devices(),
        s.discovery().epsilon(), s.seed(), r.seconds(), s.evaluateShare(), e.popular(), e.found(),
        Double.isNaN(e.recall()) ? "null" : String.format(Locale.ROOT, "%.4f", e.recall()), e.output(),
        e.falseDiscoveries(), String.format(Locale.ROOT, "%.4f", e.falseDiscoveryShare()), e.belowThreshold()));
    List<RoundSummary> rounds = r.result().rounds();
    for (int i = 0; i < rounds.size(); i++) {
      RoundSummary x = rounds.get(i);
      json.append(String.format(Locale.ROOT, "    {\"round\": %d, \"stage\": \"%s\", \"devices\": %d, "
              + "\"oracle\": \"%s\", \"epsilon\": %s, \"candidates\": %d, \"selected\": %d, \"carried_on\": %d, "
              + "\"pruned_by_cap\": %d, \"discovered\": %d, \"seconds\": %.2f}%s%n", x.round(), x.stage(),
          x.devices(), x.oracle().kind(), x.oracle().epsilon(), x.candidates(), x.selected(), x.extended(),
          x.prunedByCap(), x.discovered(), x.seconds(), i + 1 < rounds.size() ? "," : ""));
    }
    json.append("  ]\n}\n");
    return json.toString();
  }
}
