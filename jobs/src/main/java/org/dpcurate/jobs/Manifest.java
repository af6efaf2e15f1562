package org.dpcurate.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commit manifest of one output partition ({@code _manifest.json}): what was read, what was written, under
 * which config and code, and how long each stage took. It is written into the staging directory before the
 * partition is renamed into place, so a partition is visible exactly when its manifest is.
 */
public final class Manifest {
  public static final String FILE = "_manifest.json";

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Object> counts = new LinkedHashMap<>();
  private final Map<String, Object> timings = new LinkedHashMap<>();
  private final List<String> inputs = new ArrayList<>();

  public Manifest(String table, String campaign, String ds, int round, String runId, String outcome) {
    fields.put("table", table);
    fields.put("campaign", campaign);
    fields.put("ds", ds);
    fields.put("round", round);
    fields.put("outcome", outcome);
    fields.put("run_id", runId);
    fields.put("code_version", Version.CODE);
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

  public String toJson() {
    Map<String, Object> all = new LinkedHashMap<>(fields);
    all.put("inputs", inputs);
    all.put("counts", counts);
    all.put("timings_seconds", timings);
    all.put("committed_at", Instant.now().toString());
    return Json.write(all) + "\n";
  }

  /** Minimal JSON writer for manifests and summaries (strings, numbers, booleans, lists, maps). */
  public static final class Json {
    private Json() {}

    public static String write(Object v) {
      StringBuilder out = new StringBuilder();
      write(v, out, "");
      return out.toString();
    }

    private static void write(Object v, StringBuilder out, String indent) {
      if (v == null) {
        out.append("null");
      } else if (v instanceof String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
          switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            default -> {
              if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
              } else {
                out.append(c);
              }
            }
          }
        }
        out.append('"');
      } else if (v instanceof Double d) {
        out.append(d.isNaN() || d.isInfinite() ? "null" : Double.toString(d));
      } else if (v instanceof Number || v instanceof Boolean) {
        out.append(v);
      } else if (v instanceof Map<?, ?> m) {
        out.append("{");
        String inner = indent + "  ";
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          out.append(first ? "\n" : ",\n").append(inner);
          write(String.valueOf(e.getKey()), out, inner);
          out.append(": ");
          write(e.getValue(), out, inner);
          first = false;
        }
        out.append(first ? "}" : "\n" + indent + "}");
      } else if (v instanceof List<?> l) {
        out.append("[");
        for (int i = 0; i < l.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          write(l.get(i), out, indent);
        }
        out.append("]");
      } else {
        write(v.toString(), out, indent);
      }
    }
  }
}
