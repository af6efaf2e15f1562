package org.dpcurate.jobs.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The code version recorded in every manifest (from the build's filtered dpcurate-version.properties). */
public final class Version {
  public static final String CODE = load();

  private Version() {}

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/dpcurate-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
