package org.dpcurate.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The output layout under one root (a local path or any Hadoop URI), documented in docs/schemas.md. Tables are
 * partitioned by {@code campaign=} and {@code round=} directories.
 */
public final class Warehouse {
  public static final String CANDIDATES = "candidates";
  public static final String REPORTS = "reports";
  public static final String TRUTH = "truth";
  public static final String RANKED = "ranked";
  public static final String CURATED = "curated";
  public static final String METRICS = "metrics";
  public static final String REQUESTS = "requests";
  public static final String CONFIGS = "configs";

  private final String root;
  private final Configuration hadoop;

  public Warehouse(String root, SparkSession spark) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.hadoop = spark.sparkContext().hadoopConfiguration();
  }

  public String root() {
    return root;
  }

  public String table(String name) {
    return root + "/" + name;
  }

  public String partition(String table, String campaign, int round) {
    return table(table) + "/campaign=" + campaign + "/round=" + round;
  }

  public String campaignDir(String table, String campaign) {
    return table(table) + "/campaign=" + campaign;
  }

  public boolean exists(String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(hadoop).exists(p);
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot check " + path + ": " + e.getMessage(), e);
    }
  }

  /** Fails with MISSING_INPUT naming the partition unless it exists. */
  public String requirePartition(String table, String campaign, int round) {
    String path = partition(table, campaign, round);
    if (!exists(path)) {
      throw new JobException(ExitCode.MISSING_INPUT,
          "missing input partition " + path + " (table " + table + ", campaign " + campaign + ", round " + round + ")");
    }
    return path;
  }

  public void writeText(String path, String text) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(hadoop);
      try (OutputStream out = fs.create(p, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new JobException(ExitCode.FAILURE, "cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  public Properties readProperties(String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(hadoop);
      if (!fs.exists(p)) {
        throw new JobException(ExitCode.MISSING_INPUT, "missing file " + path);
      }
      Properties props = new Properties();
      try (InputStream in = fs.open(p)) {
        props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
      return props;
    } catch (IOException e) {
      throw new JobException(ExitCode.MISSING_INPUT, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The published oracle config of a round. */
  public String roundConfigPath(String campaign, int round) {
    return table(CONFIGS) + "/campaign=" + campaign + "/round=" + round + ".properties";
  }
}
