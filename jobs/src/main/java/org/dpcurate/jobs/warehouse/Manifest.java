package org.dpcurate.jobs.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Version;

/**
 * The commit manifest of one output partition ({@code _manifest.json}): what was read, what was written, under
 * which config and code, and how long each stage took. A job builds it with the round and what it knows; the
 * {@link Warehouse} adds the table, campaign, date, run id and row count when it commits, and writes it into the
 * staging directory before the partition is renamed into place, so a partition is visible exactly when its
 * manifest is.
 */
public final class Manifest {
  public static final String FILE = "_manifest.json";

  private final int round;
  private String outcome = "ok";
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Object> counts = new LinkedHashMap<>();
  private final Map<String, Object> timings = new LinkedHashMap<>();
  private final List<String> inputs = new ArrayList<>();

  private Manifest(int round) {
    this.round = round;
  }

  /** A manifest for a partition of round {@code round} (0 for campaign-level tables). */
  public static Manifest ofRound(int round) {
    return new Manifest(round);
  }

  /** What the partition holds when it is not a normal result ("no_reports", ...); default "ok". */
  public Manifest outcome(String value) {
    outcome = value;
    return this;
  }

  public Manifest set(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  public Manifest count(String key, Object value) {
    counts.put(key, value);
    return this;
  }

  public Manifest timing(String stage, double seconds) {
    timings.put(stage, Math.round(seconds * 1000) / 1000.0);
    return this;
  }

  public Manifest input(String path) {
    inputs.add(path);
    return this;
  }

  /**
   * The top-level fields of the manifest committed with the partition at {@code partitionPath}, or null when it has
   * none; an unreadable manifest is an input error.
   */
  public static Map<String, Object> read(Warehouse w, String partitionPath) {
    String path = partitionPath + "/" + FILE;
    if (!w.exists(path)) {
      return null;
    }
    String text = w.readText(path);
    try {
      return new ObjectMapper().readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot parse " + path + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The JSON committed with partition {@code ds} (null for campaign-level tables) of {@code table}. */
  String toJson(String table, String campaign, String ds, String runId) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("table", table);
    all.put("campaign", campaign);
    all.put("ds", ds);
    all.put("round", round);
    all.put("outcome", outcome);
    all.put("run_id", runId);
    all.put("code_version", Version.CODE);
    all.putAll(fields);
    all.put("inputs", inputs);
    all.put("counts", counts);
    all.put("timings_seconds", timings);
    all.put("committed_at", Instant.now().toString());
    return Json.write(all) + "\n";
  }
}
