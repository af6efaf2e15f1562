package org.dpcurate.jobs.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.warehouse.RecordFile;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real private text ({@code --private-messages PATH}, docs/schemas.md "Private messages"): what simulated devices
 * hold, and the held-out messages the evaluation tests on. JSON
 * lines ({@code .jsonl}, {@code .json}, {@code .ndjson}) or Parquet with {@code text} and optional {@code label},
 * {@code language}, {@code weight} and {@code split}. Rows without usable text are skipped and counted; anything
 * else that is wrong (no text field at all, invalid UTF-8, a line that is not one JSON object, a field of the wrong
 * type, a weight that is not a positive number, a split other than train or test) fails the run naming the row.
 * The held-out split (test rows, or a seeded share when there is no split column) is on no device.
 */
public final class PrivateMessages {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateMessages.class);

  /** Longer texts are skipped and counted: a device's message, not a document (a 100 MB text would stall). */
  public static final int MAX_TEXT_CHARS = 20_000;
  /** The held-out set needs more messages than the k-NN metrics' neighbours. */
  static final int MIN_HELD_OUT = 20;

  private static final String WHAT = "private messages";

  /** One usable row. */
  public record Message(String text, String label, String language, double weight, String split) {}

  /**
   * The messages devices hold and the held-out ones, with what was skipped (reason -> rows) and whether the
   * labels are used ({@code labelled}: at least two distinct labels).
   */
  public record Split(List<Message> devices, List<Message> heldOut, Map<String, Long> skipped, boolean labelled) {}

  private PrivateMessages() {}

  /**
   * Reads {@code path} and splits it: its {@code split} column if it has one, else a seeded {@code heldOutShare}
   * of the rows (drawn with {@code seed}) is held out.
   */
  public static Split read(Warehouse w, String path, double heldOutShare, long seed) {
    long start = System.nanoTime();
    Map<String, Long> skipped = new TreeMap<>();
    List<Message> rows = new ArrayList<>();
    RecordFile.read(w, path, WHAT, List.of("text", "label", "language", "weight", "split"), "text",
        (row, fields) -> {
          Message m = message(fields, path, row, skipped);
          if (m != null) {
            rows.add(m);
          }
        });
    if (rows.isEmpty()) {
      throw new JobException(ExitCode.MISSING_INPUT, "private messages at " + path + " hold no usable message"
          + (skipped.isEmpty() ? "" : " (skipped: " + skipped + ")"));
    }
    TreeSet<String> labels = new TreeSet<>();
    rows.forEach(m -> {
      if (m.label() != null) {
        labels.add(m.label());
      }
    });
    boolean labelled = labels.size() >= 2;
    if (labelled) {
      long unlabelled = rows.stream().filter(m -> m.label() == null).count();
      if (unlabelled > 0) {
        skipped.merge("no label in a labelled file", unlabelled, Long::sum);
        rows.removeIf(m -> m.label() == null);
      }
    } else if (labels.size() == 1) {
      LOG.warn("private messages at {}: every row has the label {}; curating without labels", path, labels.first());
    }
    boolean hasSplit = rows.stream().anyMatch(m -> m.split() != null);
    List<Message> devices = new ArrayList<>();
    List<Message> heldOut = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed);
    for (Message m : rows) {
      boolean test = hasSplit ? "test".equals(m.split()) : rng.nextDouble() < heldOutShare;
      (test ? heldOut : devices).add(m);
    }
    if (devices.isEmpty() || heldOut.size() < MIN_HELD_OUT) {
      throw new JobException(ExitCode.MISSING_INPUT, "private messages at " + path + ": " + devices.size()
          + " messages for the devices and " + heldOut.size() + " held out; need at least 1 and " + MIN_HELD_OUT
          + (hasSplit ? " (its split column)" : " (--held-out-share " + heldOutShare + ")"));
    }
    LOG.info("private messages at {}: {} on devices, {} held out ({}), {} labels{}, skipped {} in {}", path,
        devices.size(), heldOut.size(), hasSplit ? "its split column" : "seeded share " + heldOutShare,
        labelled ? labels.size() : 0, labelled ? " " + labels : "", skipped, Timing.since(start));
    return new Split(devices, heldOut, skipped, labelled);
  }

  /** One row's message, or null (counted in {@code skipped}) when it has no usable text. */
  private static Message message(Map<String, Object> fields, String path, int line,
      Map<String, Long> skipped) {
    Object text = fields.get("text");
    if (text != null && !(text instanceof String)) {
      throw bad(path, line, "text must be a string, got: " + text);
    }
    if (text == null || ((String) text).isBlank()) {
      skipped.merge("no text", 1L, Long::sum);
      return null;
    }
    if (((String) text).length() > MAX_TEXT_CHARS) {
      skipped.merge("text over " + MAX_TEXT_CHARS + " characters", 1L, Long::sum);
      return null;
    }
    String label = optionalString(fields, "label", path, line);
    String language = optionalString(fields, "language", path, line);
    String split = optionalString(fields, "split", path, line);
    if (split != null && !split.equals("train") && !split.equals("test")) {
      throw bad(path, line, "split must be train or test, got: " + split);
    }
    Object weight = fields.get("weight");
    double wt = 1;
    if (weight != null) {
      if (!(weight instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
        throw bad(path, line, "weight must be a finite number > 0, got: " + weight);
      }
      wt = n.doubleValue();
    }
    return new Message((String) text, label, language, wt, split);
  }

  private static String optionalString(Map<String, Object> fields, String key, String path, int line) {
    Object v = fields.get(key);
    if (v != null && !(v instanceof String)) {
      throw bad(path, line, key + " must be a string, got: " + v);
    }
    return v == null || ((String) v).isBlank() ? null : (String) v;
  }

  private static JobException bad(String path, int row, String why) {
    return RecordFile.bad(WHAT, path, row, why);
  }
}
