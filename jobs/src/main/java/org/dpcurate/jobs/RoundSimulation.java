package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.simulation.DeviceSimulator;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates one round's devices on the executors: each device votes and randomizes; reports go to the report
 * table and the true vote counts, separately, to the truth table (simulation only).
 */
public final class RoundSimulation {
  private static final Logger LOG = LoggerFactory.getLogger(RoundSimulation.class);

  public static final StructType TRUTH_SCHEMA = new StructType()
      .add("candidate_index", DataTypes.IntegerType, false)
      .add("candidate_id", DataTypes.StringType, false)
      .add("true_count", DataTypes.LongType, false)
      .add("round", DataTypes.IntegerType, false);

  private static final StructType OUTPUT = ReportTable.SCHEMA.add("vote", DataTypes.IntegerType, false);

  private RoundSimulation() {}

  /** Writes the round's reports and truth; returns the true vote counts by candidate index. */
  public static long[] run(SparkSession spark, Warehouse w, String campaign, LocalDate ds,
      RoundConfigs.Published published, List<Candidate> pool, PrivatePopulation population, long devices,
      int messagesPerDevice, long seed) {
    int round = published.round();
    OracleConfig config = published.oracle();
    long start = System.nanoTime();
    float[][] embeddings = pool.stream().map(Candidate::embedding).toArray(float[][]::new);
    DeviceSimulator simulator = new DeviceSimulator(population, embeddings, messagesPerDevice, seed, round);
    LOG.info("round {}: nearest candidates of {} private messages among {} candidates in {}", round,
        population.size(), pool.size(), Timing.since(start));

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<DeviceSimulator> sim = jsc.broadcast(simulator);
    Broadcast<FrequencyOracle> oracle = jsc.broadcast(FrequencyOracle.of(config));
    double epsilon = config.epsilon();
    int partitions = (int) Math.max(1, Math.min(200, devices / 250_000 + spark.sparkContext().defaultParallelism()));
    MapPartitionsFunction<Long, Row> devicesToReports = ids -> {
      DeviceSimulator s = sim.value();
      FrequencyOracle o = oracle.value();
      return DeviceIds.map(ids, id -> {
        DeviceSimulator.DeviceOutput d = s.simulate(id, o);
        Row r = ReportTable.toRow(ReportTable.reportId(d.reportIdHigh(), d.reportIdLow()), d.report(), epsilon);
        Object[] values = new Object[r.size() + 1];
        for (int i = 0; i < r.size(); i++) {
          values[i] = r.get(i);
        }
        values[r.size()] = d.vote();
        return RowFactory.create(values);
      });
    };
    Dataset<Row> outputs = spark.range(0, devices, 1, partitions)
        .mapPartitions(devicesToReports, Encoders.row(OUTPUT))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long t = System.nanoTime();
      Manifest reports = new Manifest(Warehouse.REPORTS, campaign, ds.toString(), round, w.runId(), "ok")
          .set("config_hash", published.hash()).set("epsilon", epsilon).set("simulated", true)
          .count("devices", devices);
      w.commit(outputs.drop("vote"), Warehouse.REPORTS, campaign, ds, reports.timing("simulate", Timing.seconds(t)));
      LOG.info("round {}: {} devices reported with {} eps={} in {}", round, devices, config.kind(), epsilon,
          Timing.since(t));
      long[] truth = new long[pool.size()];
      for (Row r : outputs.groupBy("vote").count().collectAsList()) {
        truth[r.getInt(0)] = r.getLong(1);
      }
      List<Row> truthRows = new ArrayList<>(pool.size());
      for (int i = 0; i < truth.length; i++) {
        truthRows.add(RowFactory.create(i, pool.get(i).id(), truth[i], round));
      }
      w.commit(spark.createDataFrame(truthRows, TRUTH_SCHEMA).coalesce(1), Warehouse.TRUTH, campaign, ds,
          new Manifest(Warehouse.TRUTH, campaign, ds.toString(), round, w.runId(), "ok")
              .set("config_hash", published.hash()));
      return truth;
    } finally {
      outputs.unpersist();
      sim.destroy();
      oracle.destroy();
    }
  }
}
