package org.dpcurate.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.dpcurate.attestation.SeededSecureRandom;
import org.dpcurate.attestation.TokenIssuer;
import org.dpcurate.attestation.TokenKeys;
import org.dpcurate.attestation.TokenRequest;
import org.dpcurate.attestation.UploadToken;
import org.dpcurate.client.RoundConfig;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.download.DownloadBundle;
import org.dpcurate.hash.XxHash64;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.OracleKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-fleet path without the simulator: publish, devices (the reference client: an oracle's randomizer and
 * {@link UploadRecord}) upload JSON lines to the landing directory, ingest, estimate, refine, publish the next date.
 */
class DeviceClientTest extends SparkTestBase {
  private static final int K = 30;
  private static final int DEVICES = 6000;
  private static final String DS = "2026-09-01";

  @TempDir
  Path dir;

  private String wh() {
    return dir.resolve("wh").toString();
  }

  private String[] args(String campaign, String ds, String... extra) {
    return args(campaign, K, ds, extra);
  }

  private String[] args(String campaign, int candidates, String ds, String... extra) {
    return concat(new String[] {"--warehouse", wh(), "--campaign", campaign, "--candidates",
        Integer.toString(candidates), "--epsilon", "3", "--expected-reports", Integer.toString(DEVICES), "--ds", ds},
        extra);
  }

  /** The device a holds candidate a % 6 (six popular candidates of 1,000 devices each). */
  private static int truth(int device) {
    return device % 6;
  }

  /** Every device's upload line for the published round, as the reference client writes it. */
  /** The round config as a device gets it: the published file's text, parsed by lib alone (no Spark). */
  private RoundConfig publishedConfig(String campaign, String ds) throws java.io.IOException {
    return RoundConfig.parse(Files.readString(Path.of(wh(), "configs", "campaign=" + campaign,
        "ds=" + ds + ".properties")));
  }

  /** The SHA-256 of the published config's bytes: the round every upload names. */
  private String configSha256(String campaign, String ds) throws java.io.IOException {
    return RoundConfig.sha256(Files.readString(Path.of(wh(), "configs", "campaign=" + campaign,
        "ds=" + ds + ".properties")));
  }

  /** Segment {@code segment}'s bundle as a device downloads it: one file, read by lib alone. */
  private DownloadBundle bundle(String campaign, int segment) throws java.io.IOException {
    return DownloadBundle.decode(Files.readAllBytes(Path.of(wh(), "bundles", "campaign=" + campaign, "ds=" + DS,
        "segment=" + segment + ".dpcb")));
  }

  private List<String> uploads(String campaign, String ds) throws java.io.IOException {
    RoundConfig config = publishedConfig(campaign, ds);
    String round = configSha256(campaign, ds);
    FrequencyOracle oracle = FrequencyOracle.of(config.oracle());
    List<String> lines = new ArrayList<>();
    for (int d = 0; d < DEVICES; d++) {
      SplittableRandom rng = new SplittableRandom(91L * d + 7);
      lines.add(UploadRecord.encode(UploadRecord.reportId(rng.nextLong(), rng.nextLong()), round,
          oracle.randomize(truth(d), rng), config.oracle().epsilon()));
    }
    return lines;
  }

  private Path batch(String campaign, String ds, String batch) throws Exception {
    return Files.createDirectories(dir.resolve("wh").resolve("landing").resolve("campaign=" + campaign)
        .resolve("ds=" + ds).resolve("batch=" + batch));
  }

  private void publishAndUpload(String campaign, String oracle, String... extra) throws Exception {
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), args(campaign, DS)).code());
    Outcome published = runShared(new PublishJob(), args(campaign, DS, concat(new String[] {"--oracle", oracle},
        extra)));
    assertEquals(ExitCode.SUCCESS, published.code(), published.stderr());
    List<String> lines = uploads(campaign, DS);
    Path batch = batch(campaign, DS, "0001");
    Files.write(batch.resolve("part-a.jsonl"), lines.subList(0, DEVICES / 2), StandardCharsets.UTF_8);
    Files.write(batch.resolve("part-b.jsonl"), lines.subList(DEVICES / 2, DEVICES), StandardCharsets.UTF_8);
  }

  private List<Row> ranking(String campaign) {
    return spark.read().parquet(Path.of(wh(), "ranked", "campaign=" + campaign, "ds=" + DS).toString())
        .orderBy("candidate_index").collectAsList();
  }

  /** The true counts when the devices hold the six first of {@code k} candidates, 1,000 each. */
  private static double[] sixPopular(int k) {
    double[] truth = new double[k];
    java.util.Arrays.fill(truth, 0, 6, DEVICES / 6.0);
    return truth;
  }

  /** Every candidate's estimate within 5 standard errors of its true count, and mean |z| below 1.3 (0.80 exact). */
  private static void assertEstimatesCover(String label, List<Row> rows, double[] truth) {
    assertEquals(truth.length, rows.size());
    double sumZ = 0;
    for (Row r : rows) {
      int index = r.getAs("candidate_index");
      double z = ((double) r.getAs("estimate") - truth[index]) / (double) r.getAs("std_error");
      assertTrue(Math.abs(z) < 5, label + " candidate " + index + ": z " + z + " (expected " + truth[index] + ")");
      sumZ += Math.abs(z);
    }
    assertTrue(sumZ / rows.size() < 1.3, label + ": mean |z| " + sumZ / rows.size());
  }

  @Test
  void everyOracleRoundTripsFromTheReferenceClientToTheRanking() throws Exception {
    // Seven campaigns on one fleet's devices on one date: a budget that holds all seven rounds.
    Path policy = Files.writeString(dir.resolve("policy.properties"),
        "policy.version=test\nbudget.epsilon=30\nbudget.period.days=30\n");
    for (OracleKind kind : OracleKind.values()) {
      String campaign = "client-" + kind.name().toLowerCase(java.util.Locale.ROOT);
      publishAndUpload(campaign, kind.name(), "--policy", policy.toString());
      Outcome ingested = runShared(new IngestJob(), args(campaign, DS));
      assertEquals(ExitCode.SUCCESS, ingested.code(), kind + ": " + ingested.stderr());
      assertTrue(ingested.stdout().contains(DEVICES + " reports"), ingested.stdout());
      Outcome estimated = runShared(new EstimateJob(), args(campaign, DS, "--max-rejected-share", "0", "--policy",
          policy.toString()));
      assertEquals(ExitCode.SUCCESS, estimated.code(), kind + ": " + estimated.stderr());
      assertEstimatesCover(kind.name(), ranking(campaign), sixPopular(K));
    }
  }

  /**
   * An attested round (docs/protocol.md "Upload tokens"): publish names the issuer key; each device reads the key
   * from its bundle's config, gets one blind-signed token from the reference issuer, takes its report id and OLH
   * seed from the token and uploads; ingestion verifies every token and the estimates cover the truth. The same
   * token spent again with another value is DUPLICATE_TOKEN, and a line without a token MISSING_TOKEN. The round
   * is published under the robust attack-gain cap, so OLH runs with g = 4 instead of 16 at eps 3 (one fake report
   * worth 1.21 holders instead of 1.84).
   */
  @Test
  void anAttestedRoundRoundTripsFromTheReferenceClient() throws Exception {
    TokenKeys keys = TokenKeys.generate(2048, SeededSecureRandom.of(31));
    Path keyFile = Files.writeString(dir.resolve("issuer.pem"), keys.published().pem());
    String campaign = "attested";
    int devices = 600;
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), args(campaign, DS)).code());
    Outcome published = runShared(new PublishJob(), args(campaign, DS, "--oracle", "OLH", "--token-key",
        keyFile.toString(), "--max-attack-gain", "robust"));
    assertEquals(ExitCode.SUCCESS, published.code(), published.stderr());
    DownloadBundle bundle = bundle(campaign, 0);
    RoundConfig config = bundle.roundConfig();
    assertEquals(4, config.oracle().hashRange(), "the cap shrinks OLH's hash range");
    String manifest = Files.readString(Path.of(wh(), "downloads", "campaign=" + campaign, "ds=" + DS,
        "_manifest.json"));
    assertTrue(manifest.contains("\"max_attack_gain\": 1.35"), manifest);
    double p = Math.exp(3) / (Math.exp(3) + 3);
    assertTrue(manifest.contains("\"attack_gain\": " + (1 - 0.25) / (p - 0.25)), manifest);
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), args("refused", DS)).code());
    Outcome refused = runShared(new PublishJob(), args("refused", DS, "--oracle", "OUE", "--max-attack-gain",
        "1.5"));
    assertEquals(ExitCode.USAGE, refused.code());
    assertTrue(refused.stderr().contains("--max-attack-gain: one fake OUE report is worth 2.105 honest holders at "
        + "eps=3.0, above the cap 1.5"), refused.stderr());
    assertEquals(keys.published().id(), config.tokens().key().id());
    assertTrue(config.tokens().required());
    TokenIssuer issuer = new TokenIssuer(keys);
    FrequencyOracle oracle = FrequencyOracle.of(config.oracle());
    String keyId = config.tokens().key().id();
    List<String> lines = new ArrayList<>();
    UploadToken token = null;
    for (int d = 0; d < devices; d++) {
      TokenRequest request = TokenRequest.start(config.tokens().key(), bundle.configSha256(),
          SeededSecureRandom.of(d));
      token = request.finish(issuer.issue("device-" + d, request.blindedMessage()));
      SplittableRandom rng = new SplittableRandom(91L * d + 7);
      lines.add(UploadRecord.encode(token, keyId, bundle.configSha256(),
          oracle.randomize(truth(d), token.publicRandomness(), rng), config.oracle().epsilon()));
    }
    SplittableRandom rng = new SplittableRandom(1);
    // The last token spent again on another report (an identical line would be a redelivery).
    String again;
    do {
      again = UploadRecord.encode(token, keyId, bundle.configSha256(),
          oracle.randomize(29, token.publicRandomness(), rng), config.oracle().epsilon());
    } while (again.equals(lines.get(lines.size() - 1)));
    lines.add(again);
    lines.add(UploadRecord.encode(UploadRecord.reportId(1, 1), bundle.configSha256(), oracle.randomize(29, rng),
        config.oracle().epsilon()));
    Files.write(batch(campaign, DS, "0001").resolve("part-a.jsonl"), lines, StandardCharsets.UTF_8);

    Outcome ingested = runShared(new IngestJob(), args(campaign, DS));
    assertEquals(ExitCode.SUCCESS, ingested.code(), ingested.stderr());
    assertTrue(ingested.stdout().contains(devices + " reports"), ingested.stdout());
    List<String> reasons = spark.read().parquet(Path.of(wh(), "ingest_rejects", "campaign=" + campaign,
        "ds=" + DS).toString()).orderBy("reason").collectAsList().stream().map(r -> (String) r.getAs("reason"))
        .toList();
    assertEquals(List.of("DUPLICATE_TOKEN", "MISSING_TOKEN"), reasons);
    Outcome estimated = runShared(new EstimateJob(), args(campaign, DS));
    assertEquals(ExitCode.SUCCESS, estimated.code(), estimated.stderr());
    double[] truth = new double[K];
    java.util.Arrays.fill(truth, 0, 6, devices / 6.0);
    assertEstimatesCover("attested OLH", ranking(campaign), truth);
  }

  /**
   * A segmented round (2,600 bytes a device: 10 candidates of 260 bytes, so 3 segments): the client finds its
   * segment from its report id as docs/protocol.md says, downloads that segment's rows and reports the position of
   * its choice there; the server, which recomputes segments from the ids, estimates every candidate's count.
   */
  @Test
  void aSegmentedRoundRoundTripsFromTheReferenceClient() throws Exception {
    String campaign = "segmented";
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), args(campaign, DS)).code());
    Outcome published = runShared(new PublishJob(), args(campaign, DS, "--oracle", "OLH", "--download-budget",
        "2600"));
    assertEquals(ExitCode.SUCCESS, published.code(), published.stderr());
    assertTrue(published.stdout().contains("in 3 segments (2,600 bytes a device)"), published.stdout());
    // A device downloads one file, its segment's bundle: the config and its candidates in position order.
    DownloadBundle[] bundles = new DownloadBundle[3];
    for (int s = 0; s < 3; s++) {
      bundles[s] = bundle(campaign, s);
      assertEquals(s, bundles[s].segment());
    }
    RoundConfig config = bundles[0].roundConfig();
    assertEquals(publishedConfig(campaign, DS), config, "the bundle carries the published config");
    assertEquals(configSha256(campaign, DS), bundles[0].configSha256());
    assertEquals(3, config.segments());
    assertEquals(10, config.oracle().domainSize());
    String text = bundles[0].config();
    assertTrue(text.contains("protocol.version=" + RoundConfig.PROTOCOL_VERSION + "\n")
        && text.contains("download.segments=3\n") && text.contains("download.bytes.per.device=2600\n"), text);
    // The bundles agree with the analysts' downloads table: each candidate at its segment and position, in int8.
    List<Row> download = spark.read().parquet(Path.of(wh(), "downloads", "campaign=" + campaign, "ds=" + DS)
        .toString()).orderBy("candidate_index").collectAsList();
    int[][] bySegment = new int[3][10];
    for (Row r : download) {
      int index = r.getAs("candidate_index");
      int segment = r.getAs("segment");
      int position = r.getAs("segment_position");
      assertEquals(index % 3, segment);
      assertEquals(index / 3, position);
      bySegment[segment][position] = index;
      assertEquals(r.getAs("candidate_id"), bundles[segment].ids().get(position));
      assertArrayEquals((byte[]) r.getAs("embedding_int8"), bundles[segment].vectors().get(position));
      assertEquals((float) r.getAs("embedding_scale"), bundles[segment].scales()[position]);
    }
    FrequencyOracle oracle = FrequencyOracle.of(config.oracle());
    long[] expected = new long[K];
    List<String> lines = new ArrayList<>();
    for (int d = 0; d < DEVICES; d++) {
      SplittableRandom rng = new SplittableRandom(91L * d + 7);
      String id = UploadRecord.reportId(rng.nextLong(), rng.nextLong());
      long hash = XxHash64.hash(id.getBytes(StandardCharsets.UTF_8), 42);
      int segment = (int) Long.remainderUnsigned(hash, config.segments());
      int position = d % 3;
      expected[bySegment[segment][position]]++;
      lines.add(UploadRecord.encode(id, bundles[segment].configSha256(), oracle.randomize(position, rng),
          config.oracle().epsilon()));
    }
    Files.write(batch(campaign, DS, "0001").resolve("part.jsonl"), lines, StandardCharsets.UTF_8);
    assertEquals(ExitCode.SUCCESS, runShared(new IngestJob(), args(campaign, DS)).code());
    Outcome estimated = runShared(new EstimateJob(), args(campaign, DS, "--max-rejected-share", "0"));
    assertEquals(ExitCode.SUCCESS, estimated.code(), estimated.stderr());
    assertEstimatesCover("segmented", ranking(campaign), java.util.Arrays.stream(expected).asDoubleStream()
        .toArray());
  }

  /**
   * A projected round (100 candidates of 256 dimensions, 24,000 bytes a device: codes on 72 axes). The client
   * follows docs/protocol.md "Projected download" on its own: it unpacks the 5-bit codes, projects its message on
   * the int8 basis, votes for the highest score and reports the index; the server estimates every candidate's count
   * of those votes. A device's message is one of the six first candidates' own embedding, which its projected vote
   * must find.
   */
  @Test
  void aProjectedRoundRoundTripsFromTheReferenceClient() throws Exception {
    String campaign = "projected";
    int k = 100;
    assertEquals(ExitCode.SUCCESS, runShared(new GenerateJob(), args(campaign, k, DS)).code());
    Outcome published = runShared(new PublishJob(), args(campaign, k, DS, "--oracle", "OLH", "--download-budget",
        "24000"));
    assertEquals(ExitCode.SUCCESS, published.code(), published.stderr());
    assertTrue(published.stdout().contains("projected on 72 axes (23,908 bytes a device)"), published.stdout());
    // The device downloads one file, the round's bundle: the config, the basis and the codes.
    DownloadBundle bundle = bundle(campaign, 0);
    RoundConfig config = bundle.roundConfig();
    assertEquals(publishedConfig(campaign, DS), config);
    assertEquals(k, config.oracle().domainSize());
    java.util.Properties props = new java.util.Properties();
    props.load(new java.io.StringReader(bundle.config()));
    int axes = Integer.parseInt(props.getProperty("download.projected.axes"));
    assertEquals(axes, bundle.basis().axes());
    // The device's own messages: here the six first candidates' float32 embeddings (not part of its download).
    List<Row> download = spark.read().parquet(Path.of(wh(), "downloads", "campaign=" + campaign, "ds=" + DS)
        .toString()).orderBy("candidate_index").collectAsList();
    // What the device computes: the decoded codes r scaled to unit length (N x a), and per message its projection p.
    double[][] decoded = new double[k][axes];
    for (int c = 0; c < k; c++) {
      byte[] code = bundle.vectors().get(c);
      float scale = bundle.scales()[c];
      for (int j = 0; j < axes; j++) {
        int stored = 0;
        for (int b = 0; b < 5; b++) {
          int bit = 5 * j + b;
          stored |= ((code[bit / 8] >> (bit % 8)) & 1) << b;
        }
        assertTrue(stored <= 30);
        decoded[c][j] = scale * (stored - 15) + bundle.basis().mean(j);
      }
      double norm = Math.sqrt(java.util.Arrays.stream(decoded[c]).map(v -> v * v).sum());
      for (int j = 0; j < axes; j++) {
        decoded[c][j] /= norm;
      }
    }
    int[] voteOfHolder = new int[6];
    for (int holder = 0; holder < 6; holder++) {
      List<Float> message = download.get(holder).getList(download.get(holder).fieldIndex("embedding"));
      double[] p = new double[axes];
      for (int j = 0; j < axes; j++) {
        byte[] u = bundle.basis().axis(j);
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
          sum += u[i] * (double) message.get(i);
        }
        p[j] = (float) (bundle.basis().axisScale(j) * sum);
      }
      int best = 0;
      double top = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double score = 0;
        for (int j = 0; j < axes; j++) {
          score += p[j] * decoded[c][j];
        }
        if (score > top) {
          top = score;
          best = c;
        }
      }
      voteOfHolder[holder] = best;
    }
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, voteOfHolder, "each holder finds its own candidate");
    FrequencyOracle oracle = FrequencyOracle.of(config.oracle());
    List<String> lines = new ArrayList<>();
    for (int d = 0; d < DEVICES; d++) {
      SplittableRandom rng = new SplittableRandom(91L * d + 7);
      lines.add(UploadRecord.encode(UploadRecord.reportId(rng.nextLong(), rng.nextLong()), bundle.configSha256(),
          oracle.randomize(voteOfHolder[truth(d)], rng), config.oracle().epsilon()));
    }
    Files.write(batch(campaign, DS, "0001").resolve("part.jsonl"), lines, StandardCharsets.UTF_8);
    assertEquals(ExitCode.SUCCESS, runShared(new IngestJob(), args(campaign, k, DS)).code());
    Outcome estimated = runShared(new EstimateJob(), args(campaign, k, DS, "--max-rejected-share", "0"));
    assertEquals(ExitCode.SUCCESS, estimated.code(), estimated.stderr());
    assertEstimatesCover("projected", ranking(campaign), sixPopular(k));
  }

  @Test
  void aCampaignRunsEndToEndOnUploadsAndIngestionIsIdempotent() throws Exception {
    publishAndUpload("fleet", "GRR");
    assertEquals(ExitCode.SUCCESS, runShared(new IngestJob(), args("fleet", DS)).code());
    Path reports = Path.of(wh(), "reports", "campaign=fleet", "ds=" + DS);
    String manifest = Files.readString(reports.resolve("_manifest.json"));
    Outcome again = runShared(new IngestJob(), args("fleet", DS));
    assertEquals(ExitCode.SUCCESS, again.code(), again.stderr());
    assertTrue(again.stdout().contains("unchanged"), again.stdout());
    assertEquals(manifest, Files.readString(reports.resolve("_manifest.json")), "re-ingesting changes nothing");

    // A second batch with a corrupt file next to a valid one: the bad lines are refused by name, nothing lost.
    Path second = batch("fleet", DS, "0002");
    SplittableRandom rng = new SplittableRandom(5);
    String valid = UploadRecord.encode(UploadRecord.reportId(rng.nextLong(), rng.nextLong()),
        configSha256("fleet", DS), org.dpcurate.oracle.Report.grr(3), 3.0);
    Files.writeString(second.resolve("good.jsonl"), valid + "\n");
    Files.write(second.resolve("broken.jsonl"), new byte[] {'{', '"', 'r', (byte) 0xC3, '\n', 'x', 'y', '\n'});
    Outcome mixed = runShared(new IngestJob(), args("fleet", DS));
    assertEquals(ExitCode.SUCCESS, mixed.code(), mixed.stderr());
    assertTrue(mixed.stdout().contains((DEVICES + 1) + " reports") && mixed.stdout().contains("MALFORMED=2"),
        mixed.stdout());
    List<Row> rejects = spark.read().parquet(Path.of(wh(), "ingest_rejects", "campaign=fleet", "ds=" + DS)
        .toString()).collectAsList();
    assertEquals(2, rejects.size());
    assertTrue(rejects.stream().allMatch(r -> ((String) r.getAs("file")).endsWith("broken.jsonl")));
    assertTrue(rejects.stream().anyMatch(r -> java.util.Base64.getEncoder().encodeToString(
        new byte[] {'{', '"', 'r', (byte) 0xC3}).equals(r.getAs("line_base64"))), "invalid UTF-8 kept byte for byte");

    Outcome nightly = runShared(new NightlyJob(), args("fleet", DS));
    assertEquals(ExitCode.SUCCESS, nightly.code(), nightly.stderr());
    // The product of the fleet path: the date's curated set, the same table curate writes.
    List<Row> curated = spark.read().parquet(Path.of(wh(), "curated", "campaign=fleet").toString()).collectAsList();
    assertEquals(1.0, curated.stream().mapToDouble(r -> (double) r.getAs("weight")).sum(), 1e-9);
    assertTrue(curated.stream().allMatch(r -> DS.equals(r.getAs("ds"))));
    java.util.Set<Integer> selected = new java.util.TreeSet<>();
    ranking("fleet").stream().filter(r -> (boolean) r.getAs("selected"))
        .forEach(r -> selected.add(r.getAs("candidate_index")));
    assertEquals(selected.size(), curated.stream().filter(r -> (boolean) r.getAs("selected")).count(),
        "the ranking's selected candidates, each in the curated set");
    String next = LocalDate.parse(DS).plusDays(1).toString();
    Outcome published = runShared(new PublishJob(), args("fleet", next, "--oracle", "GRR"));
    assertEquals(ExitCode.SUCCESS, published.code(), published.stderr());
    assertTrue(Files.exists(Path.of(wh(), "downloads", "campaign=fleet", "ds=" + next, "_manifest.json")));
    // A published round is immutable: publishing it again differently is refused, identically is a no-op.
    assertEquals(ExitCode.SUCCESS, runShared(new PublishJob(), args("fleet", next, "--oracle", "GRR")).code());
    Outcome changed = runShared(new PublishJob(), args("fleet", next, "--oracle", "OUE"));
    assertEquals(ExitCode.MISSING_INPUT, changed.code());
    assertTrue(changed.stderr().contains("immutable"), changed.stderr());
  }

  /**
   * At-least-once delivery and bad dates: a batch redelivered under a new id and a line sent twice are counted and
   * dropped, a report_id reused with another payload is rejected, a late batch withdraws the date's ranking, and a
   * date whose rejects exceed the allowed share fails with them written and no reports.
   */
  @Test
  void ingestionDropsCopiesRejectsReusedIdsWithdrawsAStaleRankingAndFailsADateOfRejects() throws Exception {
    publishAndUpload("redeliver", "GRR");
    assertEquals(ExitCode.SUCCESS, runShared(new IngestJob(), args("redeliver", DS)).code());
    List<String> partA = Files.readAllLines(batch("redeliver", DS, "0001").resolve("part-a.jsonl"));
    Path second = batch("redeliver", DS, "0002");
    Files.write(second.resolve("again.jsonl"), partA, StandardCharsets.UTF_8);
    java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"value\":(\\d+)").matcher(partA.get(0));
    assertTrue(value.find(), partA.get(0));
    String reused = value.replaceFirst("\"value\":" + ((Integer.parseInt(value.group(1)) + 1) % K));
    // Near misses of the wire format are malformed: a key twice, an exponent, a fraction.
    String id = UploadRecord.reportId(7, 7);
    List<String> nearMisses = List.of(
        "{\"report_id\":\"" + id + "\",\"oracle\":\"GRR\",\"epsilon\":3.0,\"value\":1,\"value\":2}",
        "{\"report_id\":\"" + id + "\",\"oracle\":\"GRR\",\"epsilon\":3.0,\"value\":1e0}",
        "{\"report_id\":\"" + id + "\",\"oracle\":\"GRR\",\"epsilon\":3.0,\"value\":1.0}");
    List<String> twice = new ArrayList<>(List.of(partA.get(1), partA.get(1), reused));
    twice.addAll(nearMisses);
    Files.write(second.resolve("twice.jsonl"), twice, StandardCharsets.UTF_8);
    Outcome redelivered = runShared(new IngestJob(), args("redeliver", DS));
    assertEquals(ExitCode.SUCCESS, redelivered.code(), redelivered.stderr());
    assertTrue(redelivered.stdout().contains(DEVICES + " reports, " + (partA.size() + 2) + " identical copies")
        && redelivered.stdout().contains("DUPLICATE_REPORT_ID=1, MALFORMED=3"), redelivered.stdout());
    Path reports = Path.of(wh(), "reports", "campaign=redeliver", "ds=" + DS);
    assertTrue(Files.readString(reports.resolve("_manifest.json"))
        .contains("\"lines\": " + (DEVICES + partA.size() + 6)), "lines read = accepted + copies + rejected");
    Outcome estimated = runShared(new EstimateJob(), args("redeliver", DS, "--max-rejected-share", "0"));
    assertEquals(ExitCode.SUCCESS, estimated.code(), "no duplicate reaches estimation: " + estimated.stderr());

    SplittableRandom rng = new SplittableRandom(11);
    Files.writeString(batch("redeliver", DS, "0003").resolve("late.jsonl"), UploadRecord.encode(
        UploadRecord.reportId(rng.nextLong(), rng.nextLong()), configSha256("redeliver", DS),
        org.dpcurate.oracle.Report.grr(3), 3.0) + "\n");
    Outcome late = runShared(new IngestJob(), args("redeliver", DS));
    assertEquals(ExitCode.SUCCESS, late.code(), late.stderr());
    assertTrue(late.stdout().contains("ranking was withdrawn"), late.stdout());
    assertFalse(Files.exists(Path.of(wh(), "ranked", "campaign=redeliver", "ds=" + DS)), "a stale ranking is gone");

    List<String> garbage = java.util.Collections.nCopies(200, "{\"report_id\":1}");
    Files.write(batch("redeliver", DS, "0004").resolve("garbage.jsonl"), garbage, StandardCharsets.UTF_8);
    Outcome failed = runShared(new IngestJob(), args("redeliver", DS));
    assertEquals(ExitCode.VALIDATION_FAILED, failed.code(), failed.stderr());
    assertTrue(failed.stderr().contains("MALFORMED=203"), failed.stderr());
    assertEquals(204, spark.read().parquet(Path.of(wh(), "ingest_rejects", "campaign=redeliver", "ds=" + DS)
        .toString()).count(), "the rejects are written: 203 malformed and the reused id");
    assertFalse(Files.exists(reports), "no reports for a failed date");
  }
}
