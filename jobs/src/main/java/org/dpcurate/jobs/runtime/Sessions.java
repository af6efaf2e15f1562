package org.dpcurate.jobs.runtime;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The SparkSession a job runs in: spark-submit's master if set, else the embedded local[*] default. */
public final class Sessions {
  private Sessions() {}

  public static SparkSession getOrCreate(String appName) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!conf.contains("spark.master")) {
      builder.master("local[*]");
    }
    if (!conf.contains("spark.sql.shuffle.partitions")) {
      builder.config("spark.sql.shuffle.partitions", "8");
    }
    if (!conf.contains("spark.ui.showConsoleProgress")) {
      builder.config("spark.ui.showConsoleProgress", "false");
    }
    return builder.getOrCreate();
  }
}
