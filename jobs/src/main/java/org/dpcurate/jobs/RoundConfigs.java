package org.dpcurate.jobs;

import java.io.StringWriter;
import java.util.Properties;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;

/**
 * A round's published campaign config: what devices were told to report with, and what the server validates
 * against. Stored as a properties file next to the tables.
 */
public final class RoundConfigs {
  private RoundConfigs() {}

  public static void write(Warehouse w, String campaign, int round, OracleConfig c) {
    Properties p = new Properties();
    p.setProperty("campaign", campaign);
    p.setProperty("round", Integer.toString(round));
    p.setProperty("oracle", c.kind().name());
    p.setProperty("epsilon", Double.toString(c.epsilon()));
    p.setProperty("domain.size", Integer.toString(c.domainSize()));
    p.setProperty("hash.range", Integer.toString(c.hashRange()));
    p.setProperty("seed.pool.size", Integer.toString(c.seedPoolSize()));
    p.setProperty("sketch.rows", Integer.toString(c.sketchRows()));
    p.setProperty("sketch.columns", Integer.toString(c.sketchColumns()));
    p.setProperty("hash.salt", Long.toString(c.hashSalt()));
    StringWriter out = new StringWriter();
    try {
      p.store(out, "dpcurate published oracle config");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    w.writeText(w.roundConfigPath(campaign, round), out.toString());
  }

  public static OracleConfig read(Warehouse w, String campaign, int round) {
    String path = w.roundConfigPath(campaign, round);
    Properties p = w.readProperties(path);
    try {
      return new OracleConfig(
          OracleKind.parse(p.getProperty("oracle")),
          Double.parseDouble(p.getProperty("epsilon")),
          Integer.parseInt(p.getProperty("domain.size")),
          Integer.parseInt(p.getProperty("hash.range")),
          Integer.parseInt(p.getProperty("seed.pool.size")),
          Integer.parseInt(p.getProperty("sketch.rows")),
          Integer.parseInt(p.getProperty("sketch.columns")),
          Long.parseLong(p.getProperty("hash.salt")));
    } catch (RuntimeException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "invalid round config " + path + ": " + e.getMessage(), e);
    }
  }
}
