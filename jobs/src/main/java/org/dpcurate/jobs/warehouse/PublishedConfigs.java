package org.dpcurate.jobs.warehouse;

import java.time.LocalDate;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.oracle.OracleConfig;

/**
 * Where a date's published round config (lib's {@link RoundConfig}, the device protocol) is stored: a properties
 * file under {@code configs/}, written once, with the SHA-256 recorded beside it at publication so that a later edit
 * shows as a mismatch. Its hash goes into every manifest of that date.
 */
public final class PublishedConfigs {
  /** The directory of the published configs under the warehouse root. */
  public static final String TABLE = "configs";

  /** The device protocol version this server decodes up to (docs/protocol.md). */
  public static final int PROTOCOL_VERSION = RoundConfig.PROTOCOL_VERSION;

  private PublishedConfigs() {}

  /** Publishes a round polling every opted-in device, over candidates without an embedding to download. */
  public static PublishedConfig write(Warehouse w, String campaign, LocalDate ds, int round, OracleConfig c) {
    return write(w, RoundConfig.of(campaign, ds, round, c), true);
  }

  /**
   * Publishes {@code config}. A published config is immutable: publishing a different one for the date is refused
   * (exit 3) unless {@code replace}, which only simulations use (they publish and report in one run).
   */
  public static PublishedConfig write(Warehouse w, RoundConfig config, boolean replace) {
    String text = config.format();
    String hash = RoundConfig.sha256(text);
    String path = w.configPath(config.campaign(), config.ds());
    if (!replace && w.exists(path)) {
      String existing = RoundConfig.sha256(w.readText(path));
      if (existing.equals(hash)) {
        return PublishedConfig.of(config, hash);
      }
      throw new JobException(ExitCode.MISSING_INPUT, "date " + config.ds() + " of campaign " + config.campaign()
          + " is already published with another config (" + path + ", SHA-256 " + existing + "); a published "
          + "round is immutable: publish a later date instead");
    }
    w.writeText(path, text);
    w.writeText(hashPath(w, config.campaign(), config.ds()), hash + "\n");
    return PublishedConfig.of(config, hash);
  }

  /** The SHA-256 recorded when the config was published: a later edit of the config shows as a mismatch. */
  private static String hashPath(Warehouse w, String campaign, LocalDate ds) {
    return w.configPath(campaign, ds) + ".sha256";
  }

  /**
   * Date {@code ds}'s published config. Refused (exit 3, naming the file) when it is incomplete, names another
   * campaign or date, was changed after publication, or comes from a protocol version this server cannot decode.
   */
  public static PublishedConfig read(Warehouse w, String campaign, LocalDate ds) {
    String path = w.configPath(campaign, ds);
    String text = w.readText(path);
    String hash = RoundConfig.sha256(text);
    String recorded = w.exists(hashPath(w, campaign, ds)) ? w.readText(hashPath(w, campaign, ds)).trim() : null;
    if (recorded != null && !recorded.equals(hash)) {
      throw invalid(path, "it was changed after publication (SHA-256 " + hash + ", published as " + recorded
          + "); a published config is immutable: publish the round again instead");
    }
    RoundConfig config;
    try {
      config = RoundConfig.parse(text);
    } catch (RoundConfig.UnsupportedVersionException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "round config " + path + " was " + e.getMessage());
    } catch (RoundConfig.InvalidRoundConfigException e) {
      throw invalid(path, e.getMessage());
    }
    if (!config.campaign().equals(campaign) || !config.ds().equals(ds)) {
      throw invalid(path, "it was published for campaign " + config.campaign() + " on " + config.ds());
    }
    return PublishedConfig.of(config, hash);
  }

  private static JobException invalid(String path, String why) {
    return new JobException(ExitCode.MISSING_INPUT, "invalid round config " + path + ": " + why);
  }
}
