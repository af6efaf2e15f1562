package org.dpcurate.jobs.warehouse;

import java.util.List;
import java.util.Map;

/**
 * The one JSON writer of manifests and summaries: strings, numbers, booleans, lists and maps, pretty-printed with
 * maps one entry per line. NaN and infinite doubles are written as null (JSON has no such numbers).
 */
public final class Json {
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
      string(s, out);
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
        string(String.valueOf(e.getKey()), out);
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
      string(v.toString(), out);
    }
  }

  private static void string(String s, StringBuilder out) {
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
  }
}
