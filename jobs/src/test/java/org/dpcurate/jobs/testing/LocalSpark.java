package org.dpcurate.jobs.testing;

import org.apache.spark.sql.SparkSession;

/** The tests' SparkSession: local[2], no UI, few shuffle partitions (the test data is small). */
public final class LocalSpark {
  private LocalSpark() {}

  public static SparkSession start(String app) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }
}
