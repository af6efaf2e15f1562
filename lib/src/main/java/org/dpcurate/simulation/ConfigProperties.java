package org.dpcurate.simulation;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading a simulation config file: unknown keys are errors (a typo must not fall back to a default silently) and
 * every value error names its key.
 */
public final class ConfigProperties {
  private ConfigProperties() {}

  public static Properties load(Path file, String what) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
    }
    return p;
  }

  public static void requireKnownKeys(Properties p, Set<String> keys, String what) {
    Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
    unknown.removeAll(keys);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown " + what + " keys " + unknown + "; allowed: " + new TreeSet<>(keys));
    }
  }

  public static long longValue(Properties p, String key, String def) {
    String v = p.getProperty(key, def).trim();
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got: " + v, e);
    }
  }

  public static double doubleValue(Properties p, String key, String def) {
    String v = p.getProperty(key, def).trim();
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got: " + v, e);
    }
  }
}
