package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.dpcurate.jobs.runtime.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports read from and outputs committed to a real HDFS (a MiniDFSCluster on loopback). */
class HdfsTest extends SparkTestBase {
  @TempDir
  static Path dir;

  static MiniDFSCluster cluster;
  static String root;

  @BeforeAll
  static void startHdfs() throws Exception {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
    conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    root = cluster.getURI().toString() + "/dpcurate/warehouse";
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  void aNightOnHdfs() throws Exception {
    String[] common = {"--warehouse", root, "--campaign", "h", "--population", tinyPopulation(dir).toString(),
        "--candidates", "80"};
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), concat(common, "--ds", "2026-06-01")).code());
    Outcome simulated = runShared(new SimulateJob(), concat(common, "--ds", "2026-06-01"));
    assertEquals(ExitCode.SUCCESS, simulated.code(), simulated.stderr());
    Outcome nightly = runShared(new NightlyJob(), concat(common, "--ds", "2026-06-01"));
    assertEquals(ExitCode.SUCCESS, nightly.code(), nightly.stderr());

    FileSystem fs = cluster.getFileSystem();
    for (String table : new String[] {"reports", "ranked", "quarantine", "ledger", "candidates"}) {
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/dpcurate/warehouse/" + table
          + "/campaign=h/ds=2026-06-01/_manifest.json")), table + " committed on HDFS");
    }
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path("/dpcurate/warehouse/candidates/campaign=h/ds=2026-06-02")));
    assertEquals(80, spark.read().parquet(root + "/ranked/campaign=h/ds=2026-06-01").count());
    assertEquals(20_000L, spark.read().parquet(root + "/reports/campaign=h/ds=2026-06-01").count());
    Outcome missing = runShared(new EstimateJob(), concat(common, "--ds", "2026-06-09"));
    assertEquals(ExitCode.MISSING_INPUT, missing.code());
    assertTrue(missing.stderr().contains("hdfs://"), missing.stderr());
  }
}
