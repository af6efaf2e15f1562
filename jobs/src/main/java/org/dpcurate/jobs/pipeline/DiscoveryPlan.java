package org.dpcurate.jobs.pipeline;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dpcurate.discovery.DiscoveryConfig;
import org.dpcurate.discovery.PromptVocabulary;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.OracleKind;

/**
 * A nightly discovery campaign's fixed parameters, published once with its first round
 * ({@code discovery_plans/campaign=<c>.properties}) and read by every later round: the vocabulary, the public
 * maximum length, the discovery config, the expected population and the date of round 1.
 */
public record DiscoveryPlan(LocalDate start, int vocabularySize, int maxWords, long expectedDevices,
    DiscoveryConfig config) {

  public PromptVocabulary vocabulary() {
    return PromptVocabulary.ofSize(vocabularySize);
  }

  public int rounds() {
    return config.prefixRounds(maxWords);
  }

  /** Round r's date. */
  public LocalDate dateOf(int round) {
    return start.plusDays(round - 1L);
  }

  /** The expected size of round {@code round}'s cohort. */
  public long cohortOf(int round) {
    long[] bounds = DiscoveryConfig.cohortBounds(expectedDevices, config.sharesFor(rounds()));
    return bounds[round] - bounds[round - 1];
  }

  private static String path(Warehouse w, String campaign) {
    return w.table("discovery_plans") + "/campaign=" + campaign + ".properties";
  }

  /** Publishes the plan; an existing different plan is refused (the campaign's rounds depend on it). */
  public void write(Warehouse w, String campaign) {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("start", start.toString());
    p.put("vocabulary.size", Integer.toString(vocabularySize));
    p.put("max.words", Integer.toString(maxWords));
    p.put("expected.devices", Long.toString(expectedDevices));
    p.put("epsilon", Double.toString(config.epsilon()));
    p.put("segment.words", Integer.toString(config.segmentTokens()));
    p.put("max.prefixes", Integer.toString(config.maxPrefixes()));
    p.put("cohort.shares", join(config.cohortShares()));
    p.put("round.epsilons", join(config.roundEpsilons()));
    p.put("oracle", config.oracle().name());
    p.put("fdr", Double.toString(config.fdr()));
    p.put("min.devices", Double.toString(config.minDevices()));
    p.put("hash.salt", Long.toString(config.hashSalt()));
    StringBuilder text = new StringBuilder();
    p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    String path = path(w, campaign);
    if (w.exists(path) && !w.readText(path).equals(text.toString())) {
      throw new JobException(ExitCode.MISSING_INPUT, "discovery campaign " + campaign + " was started with another "
          + "plan (" + path + "); a running campaign's plan is immutable: start a new campaign");
    }
    w.writeText(path, text.toString());
  }

  public static DiscoveryPlan read(Warehouse w, String campaign) {
    String path = path(w, campaign);
    if (!w.exists(path)) {
      throw new JobException(ExitCode.MISSING_INPUT, "discovery campaign " + campaign + " has no plan (" + path
          + "): start it with discover-round --first");
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(w.readText(path)));
      DiscoveryConfig config = new DiscoveryConfig(Double.parseDouble(p.getProperty("epsilon")),
          Integer.parseInt(p.getProperty("segment.words")), Integer.parseInt(p.getProperty("max.prefixes")),
          split(p.getProperty("cohort.shares")), split(p.getProperty("round.epsilons")),
          OracleKind.parse(p.getProperty("oracle")), Double.parseDouble(p.getProperty("fdr")),
          Double.parseDouble(p.getProperty("min.devices")), 8, 0.7, 256, 1024, 2000,
          Long.parseLong(p.getProperty("hash.salt")));
      return new DiscoveryPlan(LocalDate.parse(p.getProperty("start")),
          Integer.parseInt(p.getProperty("vocabulary.size")), Integer.parseInt(p.getProperty("max.words")),
          Long.parseLong(p.getProperty("expected.devices")), config);
    } catch (IOException | RuntimeException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "invalid discovery plan " + path + ": " + e.getMessage(), e);
    }
  }

  private static String join(double[] values) {
    return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
  }

  private static double[] split(String text) {
    return text == null || text.isBlank() ? new double[0]
        : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
