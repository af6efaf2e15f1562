package org.dpcurate.jobs.warehouse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Properties;
import java.util.TreeMap;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;

/**
 * A date's published campaign config: the round it is, and the oracle devices were told to report with, which the
 * server validates against. Stored as a properties file under {@code configs/}; its hash goes into every manifest of
 * that date.
 */
public final class PublishedConfigs {
  /** The directory of the published configs under the warehouse root. */
  public static final String TABLE = "configs";

  /**
   * The device protocol a config is published under (docs/protocol.md). Version 2: OLH, FLH and HCMS hash with the
   * affine family. Configs without the key are version 1, whose OLH, FLH and HCMS reports used XXH64 modulo the
   * range and cannot be decoded here; refusing them beats decoding them with the wrong family.
   */
  public static final int PROTOCOL_VERSION = 2;

  private PublishedConfigs() {}

  public static PublishedConfig write(Warehouse w, String campaign, LocalDate ds, int round, OracleConfig c) {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("campaign", campaign);
    p.put("ds", ds.toString());
    p.put("round", Integer.toString(round));
    p.put("oracle", c.kind().name());
    p.put("epsilon", Double.toString(c.epsilon()));
    p.put("domain.size", Integer.toString(c.domainSize()));
    p.put("hash.range", Integer.toString(c.hashRange()));
    p.put("seed.pool.size", Integer.toString(c.seedPoolSize()));
    p.put("sketch.rows", Integer.toString(c.sketchRows()));
    p.put("sketch.columns", Integer.toString(c.sketchColumns()));
    p.put("hash.salt", Long.toString(c.hashSalt()));
    p.put("protocol.version", Integer.toString(PROTOCOL_VERSION));
    // Sorted keys and no timestamp: the same config always writes the same bytes (and hash).
    StringBuilder text = new StringBuilder();
    p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    w.writeText(w.configPath(campaign, ds), text.toString());
    return new PublishedConfig(round, c, sha256(text.toString()));
  }

  public static PublishedConfig read(Warehouse w, String campaign, LocalDate ds) {
    String path = w.configPath(campaign, ds);
    String text = w.readText(path);
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
      int version = Integer.parseInt(p.getProperty("protocol.version", "1"));
      OracleKind kind = OracleKind.parse(p.getProperty("oracle"));
      if (version > PROTOCOL_VERSION
          || (version < 2 && (kind == OracleKind.OLH || kind == OracleKind.FLH || kind == OracleKind.HCMS))) {
        throw new JobException(ExitCode.MISSING_INPUT, "round config " + path + " was published under protocol "
            + "version " + version + " for " + kind + "; this server decodes version " + PROTOCOL_VERSION
            + (version < 2 ? " (OLH, FLH and HCMS changed their hash family in version 2)" : ""));
      }
      OracleConfig c = new OracleConfig(
          kind,
          Double.parseDouble(p.getProperty("epsilon")),
          Integer.parseInt(p.getProperty("domain.size")),
          Integer.parseInt(p.getProperty("hash.range")),
          Integer.parseInt(p.getProperty("seed.pool.size")),
          Integer.parseInt(p.getProperty("sketch.rows")),
          Integer.parseInt(p.getProperty("sketch.columns")),
          Long.parseLong(p.getProperty("hash.salt")));
      return new PublishedConfig(Integer.parseInt(p.getProperty("round")), c, sha256(text));
    } catch (JobException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "invalid round config " + path + ": " + e.getMessage(), e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
