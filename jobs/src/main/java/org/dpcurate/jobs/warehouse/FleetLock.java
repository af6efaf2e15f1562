package org.dpcurate.jobs.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serialises a fleet's budget check and ledger commit across runs: an exclusive create of
 * {@code _locks/ledger-<fleet>.lock} under the warehouse root (atomic on HDFS and object stores with conditional
 * writes; on a local file system within one machine). A lock left by a killed run is taken over once it is older
 * than {@link #STALE_AFTER}; a live one makes the run fail with exit 7 naming the file.
 */
public final class FleetLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FleetLock.class);

  /** Check and commit take seconds; a lock this old belongs to a run that died. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(30);

  private final FileSystem fs;
  private final Path path;

  private FleetLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /**
   * Takes the fleet's lock, waiting up to {@code waitSeconds} for another run to release it; throws LOCKED when a
   * live run still holds it then.
   */
  public static FleetLock acquire(Warehouse w, String fleet, int waitSeconds) {
    Path path = new Path(w.root() + "/_locks/ledger-" + fleet + ".lock");
    FileSystem fs = w.fs(path);
    long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
    while (true) {
      try {
        return tryAcquire(w, fs, path, fleet);
      } catch (JobException e) {
        if (e.exitCode() != ExitCode.LOCKED || System.nanoTime() >= deadline) {
          throw e;
        }
        LOG.info("waiting for the ledger lock {} ({})", path, holder(fs, path));
        try {
          Thread.sleep(250);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static FleetLock tryAcquire(Warehouse w, FileSystem fs, Path path, String fleet) {
    byte[] owner = ("run " + w.runId() + " on " + host() + " at " + Instant.now() + "\n")
        .getBytes(StandardCharsets.UTF_8);
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        createExclusively(fs, path, owner);
        return new FleetLock(fs, path);
      } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
        if (!takeOverIfStale(fs, path)) {
          throw new JobException(ExitCode.LOCKED, "the ledger of fleet " + fleet + " is locked by another run ("
              + holder(fs, path) + "): " + path + "; retry when it is done, or delete the file if no run is "
              + "active (it is taken over after " + STALE_AFTER.toMinutes() + " minutes)");
        }
      } catch (IOException e) {
        throw new JobException(ExitCode.WRITE_FAILED, "cannot create the ledger lock " + path + ": "
            + e.getMessage(), e);
      }
    }
    throw new JobException(ExitCode.LOCKED, "the ledger of fleet " + fleet + " is locked: " + path);
  }

  /** Create-if-absent: O_EXCL on a local disk (Hadoop's local create checks, then creates), else the FS's own. */
  private static void createExclusively(FileSystem fs, Path path, byte[] content) throws IOException {
    if ("file".equals(fs.getUri().getScheme())) {
      java.nio.file.Path local = java.nio.file.Path.of(path.toUri().getPath());
      Files.createDirectories(local.getParent());
      Files.write(local, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return;
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(content);
    }
  }

  private static boolean takeOverIfStale(FileSystem fs, Path path) {
    try {
      long age = System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime();
      if (age < STALE_AFTER.toMillis()) {
        return false;
      }
      LOG.warn("taking over the stale ledger lock {} ({}, {} minutes old)", path, holder(fs, path), age / 60_000);
      fs.delete(path, false);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String holder(FileSystem fs, Path path) {
    try (InputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "unknown holder";
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      LOG.warn("could not remove the ledger lock {}; the next run takes it over after {} minutes", path,
          STALE_AFTER.toMinutes(), e);
    }
  }
}
