package org.dpcurate.jobs.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Withdrawn partitions: a failed re-run must not leave an earlier output that downstream steps would take for the
 * current one, so it removes the partition and leaves a marker beside it saying why
 * ({@code <table>/campaign=<c>/_withdrawn-ds=<date>}, which table readers skip). Reading a withdrawn partition
 * fails with that reason; the next commit of the partition clears the marker.
 */
public final class Withdrawals {
  private static final Logger LOG = LoggerFactory.getLogger(Withdrawals.class);

  private Withdrawals() {}

  /** Removes partition {@code ds} of {@code table}, if there is one, recording {@code reason}. */
  public static void withdraw(Warehouse w, String table, String campaign, LocalDate ds, String reason) {
    Path target = new Path(w.partition(table, campaign, ds));
    Path marker = marker(w, table, campaign, ds);
    try {
      FileSystem fs = w.fs(target);
      if (!fs.exists(target)) {
        return;
      }
      try (OutputStream out = fs.create(marker, true)) {
        out.write((reason + " (run " + w.runId() + ")\n").getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, true);
      LOG.warn("withdrew {}: {}", target, reason);
    } catch (IOException e) {
      throw new JobException(ExitCode.WRITE_FAILED, "cannot withdraw " + target + ": " + e.getMessage(), e);
    }
  }

  /** Why partition {@code ds} of {@code table} was withdrawn, or null if it was not. */
  public static String reason(Warehouse w, String table, String campaign, LocalDate ds) {
    Path marker = marker(w, table, campaign, ds);
    try {
      FileSystem fs = w.fs(marker);
      if (!fs.exists(marker)) {
        return null;
      }
      try (InputStream in = fs.open(marker)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot read " + marker + ": " + e.getMessage(), e);
    }
  }

  static void clear(Warehouse w, String table, String campaign, LocalDate ds) {
    Path marker = marker(w, table, campaign, ds);
    try {
      w.fs(marker).delete(marker, false);
    } catch (IOException e) {
      throw new JobException(ExitCode.WRITE_FAILED, "cannot remove " + marker + ": " + e.getMessage(), e);
    }
  }

  private static Path marker(Warehouse w, String table, String campaign, LocalDate ds) {
    return new Path(w.campaignDir(table, campaign), "_withdrawn-ds=" + ds);
  }
}
