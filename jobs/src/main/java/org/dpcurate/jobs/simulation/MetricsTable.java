package org.dpcurate.jobs.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dpcurate.evaluation.RoundMetrics;
import org.dpcurate.evaluation.UtilityMetrics;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.MechanismChooser;
import org.dpcurate.oracle.OracleConfig;

/** Simulation only: one row per variant and round of a curate run, scored against the known population. */
public final class MetricsTable {
  private MetricsTable() {}

  public static final String NAME = "metrics";

  public static final StructType SCHEMA = new StructType()
      .add("variant", DataTypes.StringType, false)
      .add("round", DataTypes.IntegerType, false)
      .add("oracle", DataTypes.StringType, true)
      .add("epsilon", DataTypes.DoubleType, true)
      .add("devices", DataTypes.LongType, false)
      .add("pool_size", DataTypes.IntegerType, false)
      .add("selected", DataTypes.IntegerType, false)
      .add("total_variation", DataTypes.DoubleType, true)
      .add("coverage", DataTypes.DoubleType, true)
      .add("pool_coverage", DataTypes.DoubleType, true)
      .add("top_k_recall", DataTypes.DoubleType, true)
      .add("mean_abs_z", DataTypes.DoubleType, true)
      .add("interval_coverage", DataTypes.DoubleType, true)
      .add("simulate_seconds", DataTypes.DoubleType, false)
      .add("estimate_seconds", DataTypes.DoubleType, false)
      .add("refine_seconds", DataTypes.DoubleType, false)
      .add("training_size", DataTypes.IntegerType, true)
      .add("topic_accuracy", DataTypes.DoubleType, true)
      .add("topic_macro_f1", DataTypes.DoubleType, true)
      .add("language_accuracy", DataTypes.DoubleType, true)
      .add("gap_closed", DataTypes.DoubleType, true)
      .add("frechet_distance", DataTypes.DoubleType, true)
      .add("knn_precision", DataTypes.DoubleType, true)
      .add("knn_recall", DataTypes.DoubleType, true)
      .add("segments", DataTypes.IntegerType, true)
      .add("download_bytes", DataTypes.LongType, true)
      .add("projected_axes", DataTypes.IntegerType, true)
      .add("attack_target", DataTypes.StringType, true)
      .add("attack_target_share", DataTypes.DoubleType, true)
      .add("attack_target_selected", DataTypes.BooleanType, true)
      .add("attack_gain", DataTypes.DoubleType, true)
      .add("max_attack_gain", DataTypes.DoubleType, true)
      .add("fake_uploads_attested", DataTypes.LongType, true)
      .add("fake_uploads_refused", DataTypes.LongType, true)
      .add("ds", DataTypes.StringType, true);

  /**
   * One variant's round: its scores, the oracle it ran with (null for round 0, the initial pool), the seconds
   * each step took, the curated set's downstream utility (null if not evaluated), with fake devices where their
   * target stood (null without), and the attack-gain cap it was published under (infinite: none). The private-data upper bound
   * is a row without round metrics.
   */
  public record RoundRow(String variant, LocalDate ds, RoundMetrics metrics, OracleConfig config, long devices,
      double simulateSeconds, double estimateSeconds, double refineSeconds, UtilityMetrics utility,
      Download download, AttackOutcome attack, double maxAttackGain) {
    /**
     * A row that is no simulated round: the initial pool (round 0), the generator's ceiling or the private data,
     * with what was scored of it and nothing run.
     */
    public static RoundRow notARound(String variant, RoundMetrics metrics, UtilityMetrics utility) {
      return new RoundRow(variant, null, metrics, null, 0, 0, 0, 0, utility, null, null,
          MechanismChooser.NO_GAIN_CAP);
    }

    /** Honest holders one fake report of the round's oracle is worth (null for round 0 and at eps = inf). */
    public Double attackGain() {
      return config == null || Double.isInfinite(config.epsilon()) ? null
          : FrequencyOracle.of(config).fakeReportGain();
    }

    public RoundRow withUtility(UtilityMetrics u) {
      return new RoundRow(variant, ds, metrics, config, devices, simulateSeconds, estimateSeconds, refineSeconds, u,
          download, attack, maxAttackGain);
    }
  }

  /**
   * What each device of a round downloaded: its segment's int8 embeddings of {@code segments}, the whole list's
   * codes on {@code projectedAxes} principal axes and their basis, or (1 segment, 0 axes, without a download
   * budget) the whole list in float32.
   */
  public record Download(int segments, int projectedAxes, long bytesPerDevice) {}

  /**
   * Where fake devices' target stood in a round: its estimated share and whether it was selected; in an attested
   * round the fakes' uploads accepted with a token and refused without one (null otherwise).
   */
  public record AttackOutcome(String target, double share, boolean selected, Long attested, Long refused) {}

  public static void write(Warehouse w, String campaign, List<RoundRow> rows) {
    List<Row> out = new ArrayList<>();
    for (RoundRow r : rows) {
      RoundMetrics m = r.metrics();
      UtilityMetrics u = r.utility();
      out.add(RowFactory.create(r.variant(), m.round(), r.config() == null ? null : r.config().kind().name(),
          r.config() == null ? null : r.config().epsilon(), r.devices(), m.poolSize(), m.selected(),
          nullIfNaN(m.totalVariation()), nullIfNaN(m.coverage()), nullIfNaN(m.poolCoverage()),
          nullIfNaN(m.topKRecall()), nullIfNaN(m.meanAbsZ()), nullIfNaN(m.intervalCoverage()), r.simulateSeconds(),
          r.estimateSeconds(), r.refineSeconds(), u == null ? null : u.trainingSize(),
          u == null ? null : nullIfNaN(u.topicAccuracy()), u == null ? null : nullIfNaN(u.topicMacroF1()),
          u == null ? null : nullIfNaN(u.languageAccuracy()), u == null ? null : nullIfNaN(u.gapClosed()),
          u == null ? null : nullIfNaN(u.frechetDistance()), u == null ? null : nullIfNaN(u.precision()),
          u == null ? null : nullIfNaN(u.recall()), r.download() == null ? null : r.download().segments(),
          r.download() == null ? null : r.download().bytesPerDevice(),
          r.download() == null ? null : r.download().projectedAxes(), r.attack() == null ? null : r.attack().target(),
          r.attack() == null ? null : r.attack().share(), r.attack() == null ? null : r.attack().selected(),
          r.attackGain(),
          Double.isInfinite(r.maxAttackGain()) ? null : r.maxAttackGain(),
          r.attack() == null ? null : r.attack().attested(), r.attack() == null ? null : r.attack().refused(),
          r.ds() == null ? null : r.ds().toString()));
    }
    w.commitCampaign(w.spark().createDataFrame(out, SCHEMA).coalesce(1), NAME, campaign, null, Manifest.ofRound(0));
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
