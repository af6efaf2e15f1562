package org.dpcurate.jobs.simulation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.simulation.discovery.PromptPopulation;
import org.dpcurate.jobs.runtime.Timing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Simulation only: exact counts of the strings the simulated devices hold, to score a discover run. */
final class DiscoveryTruth {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryTruth.class);
  private static final StructType TEXT = new StructType().add("value", DataTypes.StringType, false);

  private DiscoveryTruth() {}

  /** Counts of the strings held by at least {@code floor} devices, plus those of every string in {@code outputs}. */
  static Map<String, Long> count(SparkSession spark, PromptPopulation population, long devices, long seed,
      long floor, Set<String> outputs) {
    long t = System.nanoTime();
    Broadcast<PromptPopulation> pop = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(population);
    try {
      Dataset<Row> counts = DeviceSimulation.rows(spark, 0, devices, TEXT, () -> {
        PromptPopulation p = pop.value();
        return id -> RowFactory.create(p.vocabulary().text(p.promptOf(id, seed)));
      }).groupBy("value").count();
      Dataset<Row> wanted = counts.where(functions.col("count").geq(floor)
          .or(functions.col("value").isin(outputs.toArray())));
      Map<String, Long> out = new HashMap<>();
      for (Row r : wanted.collectAsList()) {
        out.put(r.getString(0), r.getLong(1));
      }
      LOG.info("truth: {} strings held by >= {} devices counted in {}", out.size(), floor, Timing.since(t));
      return out;
    } finally {
      pop.destroy();
    }
  }
}
