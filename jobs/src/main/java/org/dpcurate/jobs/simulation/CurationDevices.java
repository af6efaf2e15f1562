package org.dpcurate.jobs.simulation;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.dpcurate.attestation.SeededSecureRandom;
import org.dpcurate.attestation.TokenKeys;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.download.DownloadPlan;
import org.dpcurate.download.PrincipalProjection;
import org.dpcurate.embedding.Int8Quantization;
import org.dpcurate.hash.Seeds;
import org.dpcurate.jobs.options.SimulationSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.pipeline.PublishStep;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Timing;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.ReportTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.PublishedConfig;
import org.dpcurate.jobs.warehouse.Warehouse;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.simulation.DeviceSimulator;
import org.dpcurate.simulation.PrivatePopulation;
import org.dpcurate.synthesis.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated curation round: publishes the date ({@link PublishStep}, as production does), then every device votes
 * for the candidate nearest its messages and randomizes; reports go to the report table and the true vote counts,
 * separately, to the truth table (by published index; with a download budget each device votes within its segment
 * and reports the position there). Fake devices ({@code --fake-share}) send maximal-gain reports for one target
 * candidate ({@link org.dpcurate.simulation.PoisoningAttack}); they hold no message, so the truth leaves them out.
 * With {@code --fake-attested A} the rounds are published with a (seeded) token key and tokens required: every
 * honest device and about A of the fakes hold a token, whose hash names their report and fixes its randomness and
 * segment; the other fakes' uploads carry none and are refused ({@code MISSING_TOKEN}), counted, not written.
 */
public final class CurationDevices {
  private static final Logger LOG = LoggerFactory.getLogger(CurationDevices.class);

  private static final StructType REPORT_AND_VOTE = ReportTable.SCHEMA.add("vote", DataTypes.IntegerType, false);
  /** The vote of a fake device's report (it holds no message). */
  private static final int FAKE = -1;
  /** The vote of a fake device's upload that ingestion refuses: no token in an attested round. */
  private static final int REFUSED = -2;

  private final CampaignRun run;
  private final SimulationSettings settings;
  private final PrivatePopulation population;
  private final double samplingRate;
  private final RoundConfig.Tokens tokens;
  private String attackTarget;
  private MetricsTable.Download lastDownload;
  private long[] lastFakeUploads;

  /** @param samplingRate the share of devices a round polls (the policy's for the campaign) */
  public CurationDevices(CampaignRun run, SimulationSettings settings, PrivatePopulation population,
      double samplingRate) {
    this.run = run;
    this.settings = settings;
    this.population = population;
    this.samplingRate = samplingRate;
    this.attackTarget = settings.attackTarget();
    // The seeded issuer's key: the published config is an attested round's; simulated tokens are never verified.
    this.tokens = settings.attested()
        ? new RoundConfig.Tokens(TokenKeys.generate(2048, SeededSecureRandom.of(run.seed())).published(), true)
        : null;
  }

  /**
   * The last round's fake uploads with tokens as {attested, refused} (null before the first round or without
   * tokens): the farm's accepted reports and the uploads refused as MISSING_TOKEN.
   */
  public long[] lastFakeUploads() {
    return lastFakeUploads;
  }

  /** The candidate id fake devices push (null without fake devices, or before the first round resolved it). */
  public String attackTarget() {
    return settings.fakeShare() > 0 ? attackTarget : null;
  }

  /** What each device downloaded in the last simulated round (null before the first). */
  public MetricsTable.Download lastDownload() {
    return lastDownload;
  }

  /** The private population of {@code settings}, generated (and embedded) once per run. */
  public static PrivatePopulation population(CampaignRun run, SimulationSettings settings) {
    long start = System.nanoTime();
    PrivatePopulation p = PrivatePopulation.generate(settings.population(), run.embedder(), run.seed());
    LOG.info("private population: {} distinct messages in {}", p.size(), Timing.since(start));
    return p;
  }

  /** Publishes date {@code ds}'s config and simulates its devices; returns the true votes by candidate index. */
  public long[] simulate(LocalDate ds) {
    Warehouse w = run.warehouse();
    // The production publication; a simulation may publish a date again, since it reports in the same run.
    PublishStep.Published publication = new PublishStep(run, settings.publishing(tokens)).publishSimulated(ds,
        samplingRate);
    List<Candidate> pool = publication.pool();
    String model = CandidateTable.embeddingModel(w, run.campaign(), ds);
    if (model != null && !model.equals(run.embedder().name())) {
      throw new JobException(ExitCode.USAGE, run.campaign() + " " + ds + ": the candidates were embedded with "
          + model + " but the simulated devices embed with " + run.embedder().name()
          + ": pass the campaign's --embedder");
    }
    PublishedConfig published = publication.config();
    OracleConfig config = published.oracle();
    long devices = settings.population().devices();
    int round = published.round();
    long start = System.nanoTime();
    DownloadPlan segments = publication.download();
    lastDownload = segments == null
        ? new MetricsTable.Download(1, 0, 4L * pool.get(0).embedding().length * pool.size())
        : new MetricsTable.Download(segments.segments(), segments.projectedAxes(), segments.bytesPerDevice());
    // Devices search what they downloaded: the float32 list, the dequantized int8 vectors or the scaled codes.
    PrincipalProjection projection = publication.projection();
    float[][] embeddings = pool.stream().map(c -> segments == null ? c.embedding()
        : projection != null ? projection.scoringVector(projection.encode(c.embedding()))
        : Int8Quantization.quantize(c.embedding()).dequantize()).toArray(float[][]::new);
    // A label-conditional pool: each device votes among its message's label's candidates.
    String[] labels = Candidate.labelsByIndex(pool);
    DeviceSimulator simulator = new DeviceSimulator(population, embeddings, segments, projection, labels,
        settings.population().messagesPerDevice(), run.seed(), round);
    LOG.info("round {}: nearest candidates of {} private messages among {} candidates{} in {}", round,
        population.size(), pool.size(), segments == null ? "" : segments.projected()
            ? " projected on " + segments.projectedAxes() + " axes"
            : " in each of " + segments.segments() + " segments", Timing.since(start));

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(w.spark().sparkContext());
    Broadcast<DeviceSimulator> sim = jsc.broadcast(simulator);
    Broadcast<FrequencyOracle> oracle = jsc.broadcast(FrequencyOracle.of(config));
    double epsilon = config.epsilon();
    long seed = run.seed();
    double rate = samplingRate;
    double fakeShare = settings.fakeShare();
    int target = -1;
    if (fakeShare > 0) {
      if (attackTarget == null) {
        attackTarget = pool.get(pool.size() - 1).id();
      }
      for (int i = 0; i < pool.size(); i++) {
        if (pool.get(i).id().equals(attackTarget)) {
          target = i;
        }
      }
      LOG.info("round {}: {} of the devices are fake and push {} ({}){}", round, fakeShare, attackTarget,
          target >= 0 ? "index " + target : "not in this round's pool: they send noise", tokens == null ? ""
              : String.format("; about %,d of them hold a token, the others' uploads are refused",
                  settings.fakeAttested()));
    }
    int attacked = target;
    boolean attested = tokens != null;
    // The same round-independent coin as isFake: the farm is the fakes whose coin falls below A / n.
    double farmShare = attested ? Math.min(fakeShare, (double) settings.fakeAttested() / devices) : 0;
    Dataset<Row> outputs = DeviceSimulation.rows(w.spark(), 0, devices, REPORT_AND_VOTE, () -> {
      DeviceSimulator s = sim.value();
      FrequencyOracle o = oracle.value();
      return id -> {
        // A fake device ignores the poll's sampling: it reports every round.
        boolean fake = Seeds.isFake(seed, id, fakeShare);
        if (!fake && !Seeds.participates(seed, round, id, rate)) {
          return null;
        }
        DeviceSimulator.DeviceOutput d;
        int vote;
        if (!attested) {
          d = fake ? s.simulateFake(id, o, attacked) : s.simulate(id, o);
          vote = d.vote();
        } else if (!fake) {
          d = s.simulateAttested(id, o);
          vote = d.vote();
        } else if (Seeds.isFake(seed, id, farmShare)) {
          d = s.simulateAttestedFake(id, o, attacked);
          vote = FAKE;
        } else {
          d = s.simulateFake(id, o, attacked);
          vote = REFUSED;
        }
        Row r = DeviceSimulation.reportRow(d.reportIdHigh(), d.reportIdLow(), d.report(), epsilon);
        Object[] values = new Object[r.size() + 1];
        for (int i = 0; i < r.size(); i++) {
          values[i] = r.get(i);
        }
        values[r.size()] = vote;
        return RowFactory.create(values);
      };
    }).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long t = System.nanoTime();
      DeviceSimulation.commitReports(w, run.campaign(), ds, published,
          outputs.where("vote <> " + REFUSED).drop("vote"), devices, Manifest.ofRound(round));
      if (attested && fakeShare > 0) {
        lastFakeUploads = new long[2];
        for (Row r : outputs.where("vote < 0").groupBy("vote").count().collectAsList()) {
          lastFakeUploads[r.getInt(0) == FAKE ? 0 : 1] = r.getLong(1);
        }
        LOG.info("round {}: {} fake uploads with a token accepted, {} without refused (MISSING_TOKEN)", round,
            lastFakeUploads[0], lastFakeUploads[1]);
      }
      LOG.info("round {}: {} devices reported with {} eps={} in {}", round, devices, config.kind(), epsilon,
          Timing.since(t));
      long[] truth = new long[pool.size()];
      for (Row r : outputs.where("vote >= 0").groupBy("vote").count().collectAsList()) {
        truth[r.getInt(0)] = r.getLong(1);
      }
      TruthTable.write(w, run.campaign(), ds, published, pool, truth);
      return truth;
    } finally {
      outputs.unpersist();
      sim.destroy();
      oracle.destroy();
    }
  }
}
