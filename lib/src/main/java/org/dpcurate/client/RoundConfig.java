package org.dpcurate.client;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.dpcurate.attestation.TokenKey;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;

/**
 * A round's published config, the part of the device protocol a device reads before it reports (docs/protocol.md
 * "Round config"): the campaign, date and round, the oracle and its parameters, the share of opted-in devices the
 * round polls, the embedding model candidates were embedded with, and the download layout. {@link #format} writes
 * it as sorted {@code key=value} lines (the same config, the same bytes and hash); {@link #parse} reads it back,
 * refusing incomplete files, unknown protocol versions and layouts no device could follow.
 *
 * @param samplingRate share of opted-in devices polled, in (0, 1]; 1 is written as no key
 * @param embedding the model devices embed their messages with (null: a round without embeddings, such as
 *     discovery)
 * @param download the budgeted download (null: every device downloads the whole pool in float32)
 * @param tokens the round's upload tokens (null: uploads carry none)
 * @param protocolVersion the version the config was written under
 */
public record RoundConfig(String campaign, LocalDate ds, int round, OracleConfig oracle, double samplingRate,
    Embedding embedding, Download download, Tokens tokens, int protocolVersion) {

  /**
   * The newest protocol version this code reads and writes. Version 2: OLH, FLH and HCMS hash with the affine family
   * (configs without the key are version 1, whose hashed reports cannot be decoded here). Version 3 adds download
   * budgets (int8, projected, segments). Version 4 binds every upload to its round: the upload names the SHA-256 of
   * the config it was made under ({@code config_sha256}). Version 5 adds attested uploads: a config may name an
   * issuer key ({@code token.key}), and uploads then carry a blind-signed token. Every config is published under
   * version 5; older configs are still read, and their uploads may omit what they did not have.
   */
  public static final int PROTOCOL_VERSION = 5;

  /** The first version whose uploads must name their round's config. */
  public static final int ROUND_BOUND_VERSION = 4;

  /** The keys every config has, besides {@code protocol.version} (absent in version 1). */
  private static final List<String> KEYS = List.of("campaign", "ds", "round", "oracle", "epsilon", "domain.size",
      "hash.range", "seed.pool.size", "sketch.rows", "sketch.columns", "hash.salt");

  /** The model devices embed their messages with, and its dimension: a curation round's candidates carry both. */
  public record Embedding(String model, int dimension) {}

  /**
   * The budgeted download of a round (docs/protocol.md, "Segments" and "Projected download"): the per-device
   * budget it was sized for, the number of segments, the principal axes of a projected download (0: int8 vectors)
   * and the bytes a device downloads at most.
   */
  public record Download(long budgetBytes, int segments, int projectedAxes, long bytesPerDevice) {}

  /**
   * The round's upload tokens (docs/protocol.md "Upload tokens"): the issuer key they are signed under and whether
   * an upload without one is refused ({@code MISSING_TOKEN}) or accepted and counted as unattested.
   */
  public record Tokens(TokenKey key, boolean required) {}

  public RoundConfig {
    if (!(samplingRate > 0 && samplingRate <= 1)) {
      throw new IllegalArgumentException("sampling rate must be in (0, 1], got: " + samplingRate);
    }
  }

  /** A config to publish, under the current protocol version. */
  public static RoundConfig of(String campaign, LocalDate ds, int round, OracleConfig oracle, double samplingRate,
      Embedding embedding, Download download) {
    return new RoundConfig(campaign, ds, round, oracle, samplingRate, embedding, download, null, PROTOCOL_VERSION);
  }

  /** This config with upload tokens under {@code tokens}' issuer key. */
  public RoundConfig withTokens(Tokens tokens) {
    return new RoundConfig(campaign, ds, round, oracle, samplingRate, embedding, download, tokens, protocolVersion);
  }

  /** Whether uploads for this round must carry {@code config_sha256} (version 4 on). */
  public boolean uploadsNameRound() {
    return protocolVersion >= ROUND_BOUND_VERSION;
  }

  /** A round polling every device, without embeddings or a budgeted download (discovery, benchmarks, tests). */
  public static RoundConfig of(String campaign, LocalDate ds, int round, OracleConfig oracle) {
    return of(campaign, ds, round, oracle, 1, null, null);
  }

  /** The download segments (1: the whole pool, and the oracle's domain is the pool). */
  public int segments() {
    return download == null ? 1 : download.segments();
  }

  /** The config's text: sorted keys and no timestamp, so the same config always has the same bytes. */
  public String format() {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("campaign", campaign);
    p.put("ds", ds.toString());
    p.put("round", Integer.toString(round));
    p.put("oracle", oracle.kind().name());
    p.put("epsilon", Double.toString(oracle.epsilon()));
    p.put("domain.size", Integer.toString(oracle.domainSize()));
    p.put("hash.range", Integer.toString(oracle.hashRange()));
    p.put("seed.pool.size", Integer.toString(oracle.seedPoolSize()));
    p.put("sketch.rows", Integer.toString(oracle.sketchRows()));
    p.put("sketch.columns", Integer.toString(oracle.sketchColumns()));
    p.put("hash.salt", Long.toString(oracle.hashSalt()));
    p.put("protocol.version", Integer.toString(protocolVersion));
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
    if (tokens != null) {
      p.put("token.key", tokens.key().base64());
      p.put("token.key.id", tokens.key().id());
      p.put("token.required", Boolean.toString(tokens.required()));
    }
    StringBuilder text = new StringBuilder();
    p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return text.toString();
  }

  /**
   * The config a text holds. Throws {@link InvalidRoundConfigException} saying why when keys are missing, a value
   * is out of range, the layout is one no device could follow, or the protocol version is one this code cannot
   * decode ({@link UnsupportedVersionException}).
   */
  public static RoundConfig parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidRoundConfigException(e.getMessage());
    }
    List<String> missing = KEYS.stream().filter(k -> p.getProperty(k) == null).toList();
    if (!missing.isEmpty()) {
      throw new InvalidRoundConfigException("keys " + missing + " are missing (a truncated or hand-made file?)");
    }
    try {
      int version = Integer.parseInt(p.getProperty("protocol.version", "1"));
      OracleKind kind = OracleKind.parse(p.getProperty("oracle"));
      if (version > PROTOCOL_VERSION || version < kind.minProtocolVersion()) {
        throw new UnsupportedVersionException("published under protocol version " + version + " for " + kind
            + "; this server decodes version " + PROTOCOL_VERSION
            + (version < kind.minProtocolVersion() ? " (" + OracleKind.listed(OracleKind.where(
                k -> k.minProtocolVersion() > version), null, "and")
                + " changed their hash family in version " + kind.minProtocolVersion() + ")" : ""));
      }
      OracleConfig oracle = new OracleConfig(
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
        throw new InvalidRoundConfigException("sampling.rate must be in (0, 1], got: " + rate);
      }
      int segments = Integer.parseInt(p.getProperty("download.segments", "1"));
      if (segments < 1) {
        throw new InvalidRoundConfigException("download.segments must be >= 1, got: " + segments);
      }
      int axes = Integer.parseInt(p.getProperty("download.projected.axes", "0"));
      int dimension = Integer.parseInt(p.getProperty("embedding.dimension", "0"));
      if (axes < 0 || (axes > 0 && (segments != 1 || axes > dimension))) {
        throw new InvalidRoundConfigException("download.projected.axes must be in [1, embedding.dimension] and the "
            + "download one segment, got " + axes + " axes, dimension " + dimension + ", " + segments
            + " segments");
      }
      Embedding embedding = p.getProperty("embedding.model") == null ? null
          : new Embedding(p.getProperty("embedding.model"), dimension);
      Download download = p.getProperty("download.segments") == null ? null
          : new Download(Long.parseLong(p.getProperty("download.budget.bytes", "0")), segments, axes,
              Long.parseLong(p.getProperty("download.bytes.per.device", "0")));
      return new RoundConfig(p.getProperty("campaign"), LocalDate.parse(p.getProperty("ds")),
          Integer.parseInt(p.getProperty("round")), oracle, rate, embedding, download, tokens(p), version);
    } catch (InvalidRoundConfigException e) {
      throw e;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidRoundConfigException(e.getMessage());
    }
  }

  /** The token keys, all three or none; the key id must be the key's. */
  private static Tokens tokens(Properties p) {
    String key = p.getProperty("token.key");
    String id = p.getProperty("token.key.id");
    String required = p.getProperty("token.required");
    if (key == null && id == null && required == null) {
      return null;
    }
    if (key == null || id == null || required == null) {
      throw new InvalidRoundConfigException("token.key, token.key.id and token.required come together");
    }
    if (!required.equals("true") && !required.equals("false")) {
      throw new InvalidRoundConfigException("token.required must be true or false, got: " + required);
    }
    TokenKey tokenKey = TokenKey.fromBase64(key);
    if (!tokenKey.id().equals(id)) {
      throw new InvalidRoundConfigException("token.key.id " + id + " is not the SHA-256 of token.key ("
          + tokenKey.id() + ")");
    }
    return new Tokens(tokenKey, Boolean.parseBoolean(required));
  }

  /** SHA-256 of a config's text, in lower-case hex: what every manifest of the round records. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Why a config's text is not a config this code can use. */
  public static class InvalidRoundConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRoundConfigException(String message) {
      super(message);
    }
  }

  /** A config from a protocol version this code cannot decode. */
  public static final class UnsupportedVersionException extends InvalidRoundConfigException {
    private static final long serialVersionUID = 1L;

    public UnsupportedVersionException(String message) {
      super(message);
    }
  }
}
