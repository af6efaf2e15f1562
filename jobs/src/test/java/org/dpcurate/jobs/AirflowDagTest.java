package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dpcurate.jobs.options.Cli;
import org.dpcurate.jobs.options.CommonOptions;
import org.dpcurate.jobs.options.CurationOptions;
import org.dpcurate.jobs.options.EstimationSettings;
import org.junit.jupiter.api.Test;

/** The scheduler's DAG passes arguments the nightly job's own command line accepts. */
class AirflowDagTest {
  private static final Path DAG = Path.of("..", "conf", "airflow", "dpcurate_nightly.py");

  static List<String> nightlyArgs(String dag) {
    return args(dag, "NIGHTLY_ARGS");
  }

  static List<String> args(String dag, String list) {
    Matcher block = Pattern.compile(list + " = \\[(.*?)\\]", Pattern.DOTALL).matcher(dag);
    assertTrue(block.find(), list + " list not found");
    List<String> args = new ArrayList<>();
    Matcher literal = Pattern.compile("\"([^\"]*)\"").matcher(block.group(1));
    while (literal.find()) {
      args.add(literal.group(1));
    }
    return args;
  }

  @Test
  void theDagArgumentsParseWithTheJobsCli() throws Exception {
    String dag = Files.readString(DAG);
    List<String> args = nightlyArgs(dag);
    assertTrue(args.contains("{{ ds }}"), "the DAG must template the date");
    String[] rendered = args.stream().map(a -> a.replace("{{ ds }}", "2026-01-02")).toArray(String[]::new);
    NightlyJob job = new NightlyJob();
    Cli cli = new Cli(job.name(), job.summary(), job.options());
    assertTrue(cli.parse(rendered));
    EstimationSettings settings = CurationOptions.estimation(cli);
    assertEquals(List.of(java.time.LocalDate.of(2026, 1, 2)), CommonOptions.dates(cli));
    assertTrue(settings.privacy().shuffled());
    Matcher javaClass = Pattern.compile("java_class=\"([^\"]+)\"").matcher(dag);
    assertTrue(javaClass.find());
    assertEquals(NightlyJob.class.getName(), javaClass.group(1));
    RetentionJob retention = new RetentionJob();
    Cli retentionCli = new Cli(retention.name(), retention.summary(), retention.options());
    assertTrue(retentionCli.parse(args(dag, "RETENTION_ARGS").stream().map(a -> a.replace("{{ ds }}",
        "2026-01-02")).toArray(String[]::new)), "the retention task's arguments parse");
    assertEquals(java.time.LocalDate.of(2026, 1, 2), retentionCli.get(RetentionJob.AS_OF));
    assertTrue(dag.contains("java_class=\"" + RetentionJob.class.getName() + "\""), "the retention task");
    assertTrue(dag.contains("nightly >> retention"), "retention runs after the nightly run");
    String discovery = Files.readString(Path.of("..", "conf", "airflow", "dpcurate_discovery.py"));
    for (Job step : List.of(new IngestJob(), new DiscoverRoundJob())) {
      String list = step instanceof IngestJob ? "INGEST_ARGS" : "DISCOVER_ROUND_ARGS";
      Cli jobCli = new Cli(step.name(), step.summary(), step.options());
      assertTrue(jobCli.parse(args(discovery, list).stream().map(a -> a.replace("{{ ds }}", "2026-10-02"))
          .toArray(String[]::new)), list + " parse");
      assertEquals(List.of(java.time.LocalDate.of(2026, 10, 2)), CommonOptions.dates(jobCli));
      assertTrue(discovery.contains("java_class=\"" + step.getClass().getName() + "\""), step.name());
    }
    assertTrue(discovery.contains("ingest >> discover_round"), "the round runs after its ingestion");
    for (String required : new String[] {"catchup=True", "max_active_runs=1", "\"retries\"", "SparkSubmitOperator"}) {
      assertTrue(dag.contains(required), "the DAG sets " + required);
    }
  }
}
