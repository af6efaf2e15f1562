package org.dpcurate.jobs.warehouse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
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
   * range and cannot be decoded here; refusing them beats decoding them with the wrong family. Version 3 adds
   * download segments ({@code download.segments}); a config is published under the lowest version that
   * describes it, so unsegmented rounds stay version 2.
   */
  public static final int PROTOCOL_VERSION = 3;

  /** The version of configs without segments: everything a version-2 device understands. */
  private static final int UNSEGMENTED_VERSION = 2;

  private PublishedConfigs() {}

  /** Publishes a round polling every opted-in device, over candidates without an embedding to download. */
  public static PublishedConfig write(Warehouse w, String campaign, LocalDate ds, int round, OracleConfig c) {
    return write(w, campaign, ds, round, c, 1, true, null, null);
  }

  /** The model devices embed their messages with, and its dimension: a curation round's candidates carry both. */
  public record Embedding(String model, int dimension) {}

  /**
   * The budgeted download of a round (docs/protocol.md, "Segments" and "Projected download"): the per-device
   * budget it was sized for, the number of segments, the principal axes of a projected download (0: int8 vectors)
   * and the bytes a device downloads at most.
   */
  public record Download(long budgetBytes, int segments, int projectedAxes, long bytesPerDevice) {}

  /**
   * Publishes date {@code ds}'s round; {@code samplingRate} below 1 adds {@code sampling.rate} (a config without it
   * polls every device). A published config is immutable: publishing a different one for the date is refused
   * (exit 3) unless {@code replace}, which only simulations use (they publish and report in one run).
   * {@code embedding} (null for rounds without embeddings, such as discovery) adds {@code embedding.model} and
   * {@code embedding.dimension}; {@code download} (null: every device downloads the whole pool) adds the
   * {@code download.*} keys.
   */
  public static PublishedConfig write(Warehouse w, String campaign, LocalDate ds, int round, OracleConfig c,
      double samplingRate, boolean replace, Embedding embedding, Download download) {
    if (!(samplingRate > 0 && samplingRate <= 1)) {
      throw new IllegalArgumentException("sampling rate must be in (0, 1], got: " + samplingRate);
    }
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
    p.put("protocol.version", Integer.toString(download == null ? UNSEGMENTED_VERSION : PROTOCOL_VERSION));
    if (samplingRate < 1) {
      p.put("sampling.rate", Double.toString(samplingRate));
    }
    if (embedding != null) {
      p.put("embedding.model", embedding.model());
      p.put("embedding.dimension", Integer.toString(embedding.dimension()));
    }
    if (download != null) {
      p.put("download.budget.bytes", Long.toString(download.budgetBytes()));
      p.put("download.segments", Integer.toString(download.segments()));
      p.put("download.bytes.per.device", Long.toString(download.bytesPerDevice()));
      if (download.projectedAxes() > 0) {
        p.put("download.projected.axes", Integer.toString(download.projectedAxes()));
      }
    }
    // Sorted keys and no timestamp: the same config always writes the same bytes (and hash).
    StringBuilder text = new StringBuilder();
    p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    String hash = sha256(text.toString());
    String path = w.configPath(campaign, ds);
    if (!replace && w.exists(path)) {
      String existing = sha256(w.readText(path));
      if (existing.equals(hash)) {
        return new PublishedConfig(round, c, samplingRate, segments(download), hash);
      }
      throw new JobException(ExitCode.MISSING_INPUT, "date " + ds + " of campaign " + campaign + " is already "
          + "published with another config (" + path + ", SHA-256 " + existing + "); a published round is "
          + "immutable: publish a later date instead");
    }
    w.writeText(path, text.toString());
    w.writeText(hashPath(w, campaign, ds), hash + "\n");
    return new PublishedConfig(round, c, samplingRate, segments(download), hash);
  }

  private static int segments(Download download) {
    return download == null ? 1 : download.segments();
  }

  /** The SHA-256 recorded when the config was published: a later edit of the config shows as a mismatch. */
  private static String hashPath(Warehouse w, String campaign, LocalDate ds) {
    return w.configPath(campaign, ds) + ".sha256";
  }

  /** The keys every published config has, besides {@code protocol.version} (absent in version 1). */
  private static final List<String> KEYS = List.of("campaign", "ds", "round", "oracle", "epsilon", "domain.size",
      "hash.range", "seed.pool.size", "sketch.rows", "sketch.columns", "hash.salt");

  /**
   * Date {@code ds}'s published config. Refused (exit 3, naming the file) when it is incomplete, names another
   * campaign or date, was changed after publication, or comes from a protocol version this server cannot decode.
   */
  public static PublishedConfig read(Warehouse w, String campaign, LocalDate ds) {
    String path = w.configPath(campaign, ds);
    String text = w.readText(path);
    String hash = sha256(text);
    String recorded = w.exists(hashPath(w, campaign, ds)) ? w.readText(hashPath(w, campaign, ds)).trim() : null;
    if (recorded != null && !recorded.equals(hash)) {
      throw invalid(path, "it was changed after publication (SHA-256 " + hash + ", published as " + recorded
          + "); a published config is immutable: publish the round again instead");
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw invalid(path, e.getMessage());
    }
    List<String> missing = KEYS.stream().filter(k -> p.getProperty(k) == null).toList();
    if (!missing.isEmpty()) {
      throw invalid(path, "keys " + missing + " are missing (a truncated or hand-made file?)");
    }
    if (!p.getProperty("campaign").equals(campaign) || !p.getProperty("ds").equals(ds.toString())) {
      throw invalid(path, "it was published for campaign " + p.getProperty("campaign") + " on "
          + p.getProperty("ds"));
    }
    try {
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
      double rate = Double.parseDouble(p.getProperty("sampling.rate", "1"));
      if (!(rate > 0 && rate <= 1)) {
        throw invalid(path, "sampling.rate must be in (0, 1], got: " + rate);
      }
      int segments = Integer.parseInt(p.getProperty("download.segments", "1"));
      if (segments < 1) {
        throw invalid(path, "download.segments must be >= 1, got: " + segments);
      }
      int axes = Integer.parseInt(p.getProperty("download.projected.axes", "0"));
      int dimension = Integer.parseInt(p.getProperty("embedding.dimension", "0"));
      if (axes < 0 || (axes > 0 && (segments != 1 || axes > dimension))) {
        throw invalid(path, "download.projected.axes must be in [1, embedding.dimension] and the download one "
            + "segment, got " + axes + " axes, dimension " + dimension + ", " + segments + " segments");
      }
      return new PublishedConfig(Integer.parseInt(p.getProperty("round")), c, rate, segments, hash);
    } catch (IllegalArgumentException e) {
      throw invalid(path, e.getMessage());
    }
  }

  private static JobException invalid(String path, String why) {
    return new JobException(ExitCode.MISSING_INPUT, "invalid round config " + path + ": " + why);
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
