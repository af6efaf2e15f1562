package org.dpcurate.jobs.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output layout under one root (a local path or any Hadoop URI): {@code <table>/campaign=<c>/ds=<date>/}.
 * Every partition is committed atomically: written to a {@code .staging-} directory (which readers skip), its
 * manifest written last, then renamed into place. A run that dies half-way leaves only a staging directory; a
 * re-run replaces exactly the partitions it writes.
 */
public final class Warehouse {
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

  private final String root;
  private final SparkSession spark;
  private final Configuration hadoop;
  private final String runId = UUID.randomUUID().toString();

  public Warehouse(String root, SparkSession spark) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.spark = spark;
    this.hadoop = spark.sparkContext().hadoopConfiguration();
  }

  /** The session this warehouse's tables are read and written with. */
  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  /** Identifies this process's writes in manifests. */
  public String runId() {
    return runId;
  }

  public String table(String name) {
    return root + "/" + name;
  }

  public String campaignDir(String table, String campaign) {
    return table(table) + "/campaign=" + campaign;
  }

  public String partition(String table, String campaign, LocalDate ds) {
    return campaignDir(table, campaign) + "/ds=" + ds;
  }

  FileSystem fs(Path p) {
    try {
      return p.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot open file system of " + p + ": " + e.getMessage(), e);
    }
  }

  public boolean exists(String path) {
    Path p = new Path(path);
    try {
      return fs(p).exists(p);
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot check " + path + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a directory and everything in it. */
  public void delete(String path) {
    Path p = new Path(path);
    try {
      fs(p).delete(p, true);
    } catch (IOException e) {
      throw new JobException(ExitCode.WRITE_FAILED, "cannot delete " + path + ": " + e.getMessage(), e);
    }
  }

  public boolean isDirectory(String path) {
    Path p = new Path(path);
    try {
      return fs(p).getFileStatus(p).isDirectory();
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  public boolean isCommitted(String partitionPath) {
    return exists(partitionPath + "/" + Manifest.FILE);
  }

  /** An input partition written by something else (reports): the directory must exist. */
  public String requireInput(String table, String campaign, LocalDate ds) {
    String path = partition(table, campaign, ds);
    if (!exists(path)) {
      throw new JobException(ExitCode.MISSING_INPUT,
          "missing input partition " + path + " (table " + table + ", campaign " + campaign + ", ds " + ds + ")");
    }
    return path;
  }

  /** A partition dpcurate wrote: it must exist and carry its commit manifest. */
  public String requireCommitted(String table, String campaign, LocalDate ds) {
    String withdrawn = Withdrawals.reason(this, table, campaign, ds);
    if (withdrawn != null) {
      throw new JobException(ExitCode.MISSING_INPUT, "partition " + partition(table, campaign, ds)
          + " was withdrawn: " + withdrawn);
    }
    String path = requireInput(table, campaign, ds);
    if (!isCommitted(path)) {
      throw new JobException(ExitCode.MISSING_INPUT, "partition " + path + " has no " + Manifest.FILE
          + ": it was not committed (a failed run?) and is not read");
    }
    return path;
  }

  /** Writes {@code data} as partition {@code ds} of {@code table}, atomically, with {@code manifest}. */
  public void commit(Dataset<Row> data, String table, String campaign, LocalDate ds, Manifest manifest) {
    commitTo(data, partition(table, campaign, ds), manifest, table, campaign, ds.toString());
    Withdrawals.clear(this, table, campaign, ds);
  }

  /**
   * As {@link #commit} for a campaign-level table ({@code <table>/campaign=<c>/}); {@code lastDs}, the date the
   * table is as of, may be null.
   */
  public void commitCampaign(Dataset<Row> data, String table, String campaign, LocalDate lastDs,
      Manifest manifest) {
    String ds = lastDs == null ? null : lastDs.toString();
    commitTo(data, campaignDir(table, campaign), manifest, table, campaign, ds);
  }

  /** As {@link #commit} at {@code path}, a table of its own layout (the embedding cache's batches). */
  public void commitAt(Dataset<Row> data, String path, String table, Manifest manifest) {
    commitTo(data, path, manifest, table, null, null);
  }

  private void commitTo(Dataset<Row> data, String finalPath, Manifest manifest, String table, String campaign,
      String ds) {
    Path target = new Path(finalPath);
    Path parent = target.getParent();
    Path staging = new Path(parent, ".staging-" + target.getName() + "-" + runId);
    FileSystem fs = fs(target);
    try {
      deleteStaleStaging(fs, parent, target.getName());
      data.write().mode(SaveMode.ErrorIfExists).parquet(staging.toString());
      manifest.count("rows_written", countRows(data.sparkSession(), fs, staging));
      try (OutputStream out = fs.create(new Path(staging, Manifest.FILE), false)) {
        out.write(manifest.toJson(table, campaign, ds, runId).getBytes(StandardCharsets.UTF_8));
      }
      if (fs.exists(target) && !fs.delete(target, true)) {
        throw new IOException("cannot remove the previous " + target);
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("cannot rename " + staging + " to " + target);
      }
      LOG.info("committed {}", target);
    } catch (JobException e) {
      throw e;
    } catch (Exception e) {
      // I/O errors and Spark's write failures alike: the output side failed, not the input.
      throw new JobException(ExitCode.WRITE_FAILED, "cannot write " + finalPath + ": " + e.getMessage(), e);
    }
  }

  /** Rows in the data files of a (hidden, so not directly readable) staging directory, from their footers. */
  private static long countRows(SparkSession spark, FileSystem fs, Path staging) throws IOException {
    String[] files = java.util.Arrays.stream(fs.listStatus(staging))
        .map(s -> s.getPath().toString())
        .filter(p -> new Path(p).getName().startsWith("part-"))
        .toArray(String[]::new);
    return files.length == 0 ? 0 : spark.read().parquet(files).count();
  }

  private static void deleteStaleStaging(FileSystem fs, Path parent, String name) throws IOException {
    if (!fs.exists(parent)) {
      return;
    }
    for (FileStatus s : fs.listStatus(parent)) {
      if (s.getPath().getName().startsWith(".staging-" + name + "-")) {
        LOG.warn("removing stale staging directory {} of an earlier failed run", s.getPath());
        fs.delete(s.getPath(), true);
      }
    }
  }

  /** Writes a small text file atomically (temp file, then rename). */
  public void writeText(String path, String text) {
    writeBytes(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a file atomically (temp file, then rename). */
  public void writeBytes(String path, byte[] bytes) {
    Path target = new Path(path);
    Path temp = new Path(target.getParent(), "_tmp-" + target.getName() + "-" + runId);
    FileSystem fs = fs(target);
    try {
      try (OutputStream out = fs.create(temp, true)) {
        out.write(bytes);
      }
      if (fs.exists(target)) {
        fs.delete(target, false);
      }
      if (!fs.rename(temp, target)) {
        throw new IOException("cannot rename " + temp + " to " + target);
      }
    } catch (IOException e) {
      throw new JobException(ExitCode.WRITE_FAILED, "cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  public String readText(String path) {
    return new String(readBytes(path), StandardCharsets.UTF_8);
  }

  public byte[] readBytes(String path) {
    Path p = new Path(path);
    FileSystem fs = fs(p);
    try {
      if (!fs.exists(p)) {
        throw new JobException(ExitCode.MISSING_INPUT, "missing file " + path);
      }
      try (InputStream in = fs.open(p)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The published oracle config of a date ({@link PublishedConfigs}). */
  public String configPath(String campaign, LocalDate ds) {
    return campaignDir(PublishedConfigs.TABLE, campaign) + "/ds=" + ds + ".properties";
  }
}
