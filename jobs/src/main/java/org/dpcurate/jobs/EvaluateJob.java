package org.dpcurate.jobs;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dpcurate.evaluation.UtilityMetrics;
import org.dpcurate.jobs.evaluation.LabelledMessagesTable;
import org.dpcurate.jobs.evaluation.LabelledSet;
import org.dpcurate.jobs.evaluation.PrivateMessages;
import org.dpcurate.jobs.evaluation.UtilityEvaluation;
import org.dpcurate.jobs.evaluation.UtilityTable;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.Option;
import org.dpcurate.jobs.options.Parsers;
import org.dpcurate.jobs.options.RunSettings;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.runtime.Sessions;
import org.dpcurate.jobs.tables.CandidateTable;
import org.dpcurate.jobs.tables.CuratedTable;
import org.dpcurate.jobs.warehouse.Manifest;
import org.dpcurate.jobs.warehouse.ParquetInput;
import org.dpcurate.jobs.warehouse.Partitions;
import org.dpcurate.jobs.warehouse.Warehouse;

/**
 * The downstream utility of any campaign's curated table: classifiers trained on it (and on the campaign's initial
 * pool, and on private training messages when the labelled data has them) are scored on held-out labelled real
 * messages, with embedding-space distances to them. Writes the {@code utility} table.
 */
public final class EvaluateJob implements Job {
  static final Option<String> LABELLED = Option.optional("labelled", "PATH",
      "labelled real messages (text, topic, language; split test/train optional)",
      "<warehouse>/labelled_messages/campaign=<campaign> (written by curate)", Parsers.text());

  public static void main(String[] args) {
    JobRunner.main(new EvaluateJob(), args);
  }

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public String summary() {
    return "score a campaign's curated table as training data on held-out labelled messages";
  }

  @Override
  public List<Option<?>> options() {
    return List.of(CommonOptions.WAREHOUSE, CurationOptions.CAMPAIGN, CommonOptions.SEED, CommonOptions.EMBEDDER,
        LABELLED, CurationOptions.PRIVATE_MESSAGES, CurationOptions.HELD_OUT_SHARE);
  }

  @Override
  public void run(Cli cli) {
    RunSettings settings = RunSettings.from(cli, CurationOptions.CAMPAIGN);
    CampaignRun run = new CampaignRun(Sessions.getOrCreate("dpcurate-evaluate"), settings);
    Warehouse w = run.warehouse();
    String campaign = run.campaign();
    String curatedPath = w.campaignDir(CuratedTable.NAME, campaign);
    if (!w.isCommitted(curatedPath)) {
      throw new JobException(ExitCode.MISSING_INPUT, "no committed curated table at " + curatedPath);
    }
    Object model = Manifest.read(w, curatedPath).get(CandidateTable.EMBEDDING_MODEL);
    if (model != null && !model.equals(run.embedder().name())) {
      throw new JobException(ExitCode.USAGE, campaign + "'s curated table was embedded with " + model
          + " but this run embeds with " + run.embedder().name() + ": pass the campaign's --embedder");
    }
    String privateMessages = cli.get(CurationOptions.PRIVATE_MESSAGES);
    if (privateMessages != null && cli.get(LABELLED) != null) {
      throw new JobException(ExitCode.USAGE, "give --labelled or --private-messages, not both");
    }
    String labelled = privateMessages != null ? privateMessages : cli.get(LABELLED) != null ? cli.get(LABELLED)
        : w.campaignDir(LabelledMessagesTable.NAME, campaign);
    LabelledSet test;
    LabelledSet privateTrain;
    if (privateMessages != null) {
      // The same split curate made with the same --seed and --held-out-share: the held-out rows test.
      PrivateMessages.Split split = PrivateMessages.read(w, privateMessages, cli.get(CurationOptions.HELD_OUT_SHARE),
          run.random("held-out", 0).nextLong());
      test = LabelledSet.ofMessages("held-out", split.heldOut(), split.labelled(), run.embedder());
      privateTrain = LabelledSet.ofMessages("private data", split.devices(), split.labelled(), run.embedder());
    } else {
      test = LabelledMessagesTable.read(w, labelled, LabelledMessagesTable.TEST, run.embedder());
      privateTrain = LabelledMessagesTable.read(w, labelled, LabelledMessagesTable.TRAIN, run.embedder());
    }
    UtilityEvaluation evaluation = new UtilityEvaluation(w.spark(), test, run.seed());

    Map<String, UtilityMetrics> results = new LinkedHashMap<>();
    LocalDate first = Partitions.all(w, CandidateTable.NAME).stream().filter(p -> p.campaign().equals(campaign))
        .map(Partitions.PartitionRef::ds).min(LocalDate::compareTo).orElse(null);
    UtilityMetrics initial = first == null ? null : evaluation.evaluate(LabelledSet.ofCandidates("initial pool",
        CandidateTable.read(w, campaign, first, null), null));
    UtilityMetrics curated = evaluation.evaluate(curatedSet(w, curatedPath));
    UtilityMetrics upper = privateTrain.size() == 0 ? null : evaluation.evaluate(privateTrain);
    if (initial != null) {
      results.put("initial pool", gap(initial, initial, upper));
    }
    results.put("curated", gap(curated, initial, upper));
    if (upper != null) {
      results.put("private data", gap(upper, initial, upper));
    }
    run.flushEmbeddings();
    UtilityTable.write(w, campaign, results, test.size(), run.embedder().name());
    System.out.printf("%-13s %6s %s%n", "training set", "train", UtilityMetrics.header());
    results.forEach((set, u) -> System.out.printf("%-13s %6d %s%n", set, u.trainingSize(), u.row()));
    System.out.println("tested on " + test.size() + " held-out messages from " + labelled + "; written to "
        + w.campaignDir(UtilityTable.NAME, campaign));
  }

  private static UtilityMetrics gap(UtilityMetrics m, UtilityMetrics initial, UtilityMetrics upper) {
    return initial == null || upper == null ? m : m.withGapClosed(initial, upper);
  }

  /**
   * The curated rows with a known class (the label of a label-conditional campaign, else the topic), weighted by
   * their training weight; the language classifier is scored only when every such row has a language.
   */
  private static LabelledSet curatedSet(Warehouse w, String path) {
    Dataset<Row> df = ParquetInput.read(w, path, null);
    ParquetInput.requireTypes("curated table at " + path, df.schema(), CuratedTable.SCHEMA);
    String classColumn = java.util.Arrays.asList(df.columns()).contains("label") ? "coalesce(label, topic)" : "topic";
    List<Row> rows = ParquetInput.reading(path, () -> df.selectExpr("text", classColumn + " as class", "language",
        "weight", "embedding").filter("class is not null").collectAsList());
    if (rows.isEmpty()) {
      throw new JobException(ExitCode.MISSING_INPUT, "the curated table at " + path
          + " has no row with a label or topic to train on");
    }
    int n = rows.size();
    String[] texts = new String[n];
    float[][] x = new float[n][];
    String[] topics = new String[n];
    String[] languages = new String[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      texts[i] = r.getString(0);
      topics[i] = r.getString(1);
      languages[i] = r.getString(2);
      weights[i] = r.getDouble(3);
      x[i] = CandidateTable.normalized(r.getList(4));
    }
    return new LabelledSet("curated", texts, x, topics, languages, weights);
  }
}
