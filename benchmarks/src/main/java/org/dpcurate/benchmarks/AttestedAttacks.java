package org.dpcurate.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dpcurate.attestation.SeededSecureRandom;
import org.dpcurate.attestation.TokenIssuer;
import org.dpcurate.attestation.TokenKeys;
import org.dpcurate.attestation.TokenRequest;
import org.dpcurate.attestation.TokenVerifier;
import org.dpcurate.attestation.UploadToken;
import org.dpcurate.client.UploadAttestation;
import org.dpcurate.client.UploadRecord;
import org.dpcurate.estimation.FrequencyEstimates;
import org.dpcurate.estimation.FrequencyEstimator;
import org.dpcurate.oracle.FrequencyOracle;
import org.dpcurate.oracle.MechanismChooser;
import org.dpcurate.oracle.OracleAggregator;
import org.dpcurate.oracle.OracleConfig;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.Report;
import org.dpcurate.selection.RankedCandidate;
import org.dpcurate.selection.Selection;
import org.dpcurate.simulation.PoisoningAttack;
import org.dpcurate.synthesis.Weights;

/**
 * Fake devices against attested rounds (docs/security.md "Attested uploads", docs/benchmarks.md), eps = 2, honest
 * devices Zipf(1.1) over all candidates but the targets, every trial seeded:
 * <ul>
 *   <li>{@code unattested}: the README demo's n and K (10^6 devices, 2,000 candidates, the chooser's FLH) with 1% of
 *       the devices fake and without a token of this round. Each fake upload is one of the forgeries a script can
 *       make (no token, a made-up signature, a truncated one, a genuine token of its own issuer named as its own
 *       or as the round's key, yesterday's genuine token, an honest device's token replayed) and goes through the
 *       server's check ({@link UploadAttestation}, then the spent tokens); honest devices' randomness is their
 *       token's (a few hundred real tokens, the rest simulated as in curate). Reported: the fakes refused by
 *       reason, how often the target is selected, honest recall@20 against the same honest reports without fakes,
 *       and, for contrast, the same fakes accepted as a round without tokens would.</li>
 *   <li>{@code multi}: 1% of 10^5 devices, K = 500, push 5 targets at once or 1, with the randomness they choose
 *       (no token: seeds, indices, rows and coefficients drawn until one report supports the most targets) or
 *       the randomness their token fixes. Reported: the targets' summed estimate over the single target's.</li>
 *   <li>{@code segments}: 10^6 devices, K = 2,000 in 3 download segments, 1% fake: the target's z-score when
 *       fakes choose their report ids (all land in the target's segment), when tokens fix them (a third do), and
 *       unsegmented.</li>
 *   <li>{@code cap}: what the attack-gain cap costs: honest recall@20 and the gain of the chooser's pick at 10^6
 *       devices and K = 2,000 with no cap and with the robust cap (1.35).</li>
 * </ul>
 * Run: java -cp benchmarks/target/benchmarks.jar org.dpcurate.benchmarks.AttestedAttacks [trials] [part...]
 */
public final class AttestedAttacks {
  private static final double EPS = 2;
  private static final int TOP = 20;
  private static final String ROUND = "3f0a9c4e1b7d2a6f5c8e0b1d4a7f2c6e9b3d5a8c1e4f7a2b6d9c0e3f5a8b1c4d";
  private static final String YESTERDAY = "5b2e8d1f4a7c0e3b6d9f2a5c8e1b4d7f0a3c6e9b2d5f8a1c4e7b0d3f6a9c2e5b";

  private AttestedAttacks() {}

  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<String> parts = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
        : List.of("unattested", "multi", "segments", "cap");
    if (parts.contains("unattested")) {
      unattested(trials);
    }
    if (parts.contains("multi")) {
      multiTarget(Math.max(1, trials / 2));
    }
    if (parts.contains("segments")) {
      segments(Math.max(1, trials / 4));
    }
    if (parts.contains("cap")) {
      cap(Math.max(1, trials / 4));
    }
  }

  /** What a script sends without a genuine token of this round. */
  enum Forgery { NO_TOKEN, MADE_UP_SIGNATURE, TRUNCATED_SIGNATURE, OWN_ISSUER, OWN_ISSUER_AS_ROUND_KEY, YESTERDAYS,
    REPLAYED }

  static void unattested(int trials) {
    int n = 1_000_000;
    int k = 2_000;
    int fakes = n / 100;
    int target = k - 1;
    OracleConfig config = MechanismChooser.choose(EPS, k, 128, n).chosen();
    FrequencyOracle oracle = FrequencyOracle.of(config);
    TokenIssuer issuer = new TokenIssuer(TokenKeys.generate(2048, SeededSecureRandom.of(1)));
    TokenIssuer own = new TokenIssuer(TokenKeys.generate(2048, SeededSecureRandom.of(2)));
    int real = 200;
    List<UploadToken> honestTokens = tokens(issuer, ROUND, real, "honest-");
    List<UploadToken> yesterdays = tokens(issuer, YESTERDAY, real, "yesterday-");
    List<UploadToken> ownTokens = tokens(own, ROUND, real, "farmless-");
    Weights honest = honestPopulation(k, 1);
    System.out.printf(Locale.ROOT, "%nunattested: n = %,d devices, K = %,d, %s, eps 2, %,d fakes (1%%) without a "
        + "token of this round, %d trials%n", n, k, describe(config), fakes, trials);
    long start = System.nanoTime();
    java.util.Map<Forgery, Set<String>> reasons = new java.util.EnumMap<>(Forgery.class);
    for (Forgery f : Forgery.values()) {
      reasons.put(f, java.util.concurrent.ConcurrentHashMap.newKeySet());
    }
    double[][] results = IntStream.range(0, trials).parallel().mapToObj(t -> {
      SplittableRandom rng = new SplittableRandom(104_729L * t + 5);
      UploadAttestation check = new UploadAttestation(new TokenVerifier(issuer.key(), ROUND), true, oracle);
      Set<String> spent = new HashSet<>();
      long[] truth = new long[k];
      OracleAggregator clean = oracle.newAggregator();
      OracleAggregator withTokens = oracle.newAggregator();
      OracleAggregator withoutTokens = oracle.newAggregator();
      for (int d = 0; d < n - fakes; d++) {
        int v = honest.draw(rng);
        truth[v]++;
        Report r;
        if (d < real) {
          // A real token, checked as the server checks every upload.
          UploadToken token = honestTokens.get(d);
          r = oracle.randomize(v, token.publicRandomness(), rng);
          UploadRecord.Upload u = new UploadRecord.Upload(token.reportId(), ROUND, config.kind(), EPS, r,
              issuer.key().id(), token);
          if (check.check(u) != UploadAttestation.Outcome.ATTESTED || !spent.add(token.reportId())) {
            throw new IllegalStateException("an honest upload was refused");
          }
        } else {
          // The hash of an unpredictable signature: uniform, as a simulated token's.
          r = oracle.randomize(v, rng.nextLong(), rng);
        }
        clean.add(r);
        withTokens.add(r);
        withoutTokens.add(r);
      }
      double[] refused = new double[Forgery.values().length + 3];
      for (int i = 0; i < fakes; i++) {
        Forgery kind = Forgery.values()[i % Forgery.values().length];
        UploadRecord.Upload u = forge(kind, oracle, target, issuer, own, honestTokens, yesterdays, ownTokens, rng);
        withoutTokens.add(u.report());
        UploadAttestation.Outcome outcome = check.check(u);
        boolean accepted = outcome.accepted() && spent.add(u.token().reportId());
        if (accepted) {
          withTokens.add(u.report());
        } else {
          refused[kind.ordinal()]++;
          reasons.get(kind).add(outcome.accepted() ? UploadAttestation.DUPLICATE_TOKEN : outcome.reasonCode());
        }
      }
      List<RankedCandidate> cleanRanking = Selection.defaults().rank(FrequencyEstimator.estimate(clean));
      List<RankedCandidate> attested = Selection.defaults().rank(FrequencyEstimator.estimate(withTokens));
      List<RankedCandidate> open = Selection.defaults().rank(FrequencyEstimator.estimate(withoutTokens));
      int base = Forgery.values().length;
      refused[base] = selected(attested, target) ? 1 : 0;
      refused[base + 1] = recall(attested, truth) - recall(cleanRanking, truth);
      refused[base + 2] = selected(open, target) ? 1 : 0;
      return refused;
    }).toArray(double[][]::new);
    double[] sum = new double[results[0].length];
    for (double[] r : results) {
      for (int i = 0; i < r.length; i++) {
        sum[i] += r[i];
      }
    }
    int per = fakes / Forgery.values().length;
    System.out.println("forgery                    sent/trial  refused  reason codes seen");
    double refusedAll = 0;
    for (Forgery f : Forgery.values()) {
      refusedAll += sum[f.ordinal()];
      System.out.printf(Locale.ROOT, "%-26s %10d  %6.1f%%  %s%n", f.name().toLowerCase(Locale.ROOT),
          per + (f.ordinal() < fakes % Forgery.values().length ? 1 : 0),
          100 * sum[f.ordinal()] / trials / (per + (f.ordinal() < fakes % Forgery.values().length ? 1 : 0)),
          String.join(", ", new java.util.TreeSet<>(reasons.get(f))));
    }
    int base = Forgery.values().length;
    System.out.printf(Locale.ROOT, "all fakes refused: %.2f%%; target selected in %d of %d trials (%d of %d "
        + "without tokens); honest recall@20 with the fakes minus without them: %+.4f (%.0f s)%n",
        100 * refusedAll / trials / fakes, (int) sum[base], trials, (int) sum[base + 2], trials,
        sum[base + 1] / trials, (System.nanoTime() - start) / 1e9);
  }

  /** One fake upload of kind {@code kind}, its report the maximal-gain one for {@code target}. */
  static UploadRecord.Upload forge(Forgery kind, FrequencyOracle oracle, int target, TokenIssuer issuer,
      TokenIssuer own, List<UploadToken> honestTokens, List<UploadToken> yesterdays, List<UploadToken> ownTokens,
      SplittableRandom rng) {
    String roundKey = issuer.key().id();
    OracleKind o = oracle.kind();
    UploadToken token = switch (kind) {
      case NO_TOKEN -> null;
      case MADE_UP_SIGNATURE -> new UploadToken(input(rng), bytes(rng, 256));
      case TRUNCATED_SIGNATURE -> {
        UploadToken t = pick(honestTokens, rng);
        yield new UploadToken(t.input(), Arrays.copyOf(t.signature(), 128));
      }
      case OWN_ISSUER, OWN_ISSUER_AS_ROUND_KEY -> pick(ownTokens, rng);
      case YESTERDAYS -> pick(yesterdays, rng);
      case REPLAYED -> pick(honestTokens, rng);
    };
    if (token == null) {
      Report r = PoisoningAttack.fakeReport(oracle, PoisoningAttack.Strategy.MAXIMAL_GAIN, target, rng);
      return new UploadRecord.Upload(UploadRecord.reportId(rng.nextLong(), rng.nextLong()), ROUND, o, EPS, r, null,
          null);
    }
    Report r = PoisoningAttack.multiTargetReport(oracle, new int[] {target}, token.publicRandomness(), 4096, rng);
    String keyId = kind == Forgery.OWN_ISSUER ? own.key().id() : roundKey;
    return new UploadRecord.Upload(token.reportId(), ROUND, o, EPS, r, keyId, token);
  }

  static void multiTarget(int trials) {
    int n = 100_000;
    int k = 500;
    int fakes = n / 100;
    int[] five = {k - 1, k - 2, k - 3, k - 4, k - 5};
    System.out.printf(Locale.ROOT, "%nmulti: n = %,d, K = %d, eps 2, %,d fakes (1%%) push 1 or 5 targets nobody "
        + "holds, %d trials%n", n, k, fakes, trials);
    System.out.println("oracle          randomness  1 target: est  5 targets: summed est  ratio");
    for (OracleConfig config : List.of(OracleConfig.olh(EPS, k), OracleConfig.flh(EPS, k, 1024, 0L),
        OracleKind.HCMS.defaultConfig(EPS, k, n, 0L))) {
      FrequencyOracle oracle = FrequencyOracle.of(config);
      Weights honest = honestPopulation(k, five.length);
      for (boolean tokens : new boolean[] {false, true}) {
        double single = 0;
        double summed = 0;
        for (int[] targets : List.of(new int[] {five[0]}, five)) {
          double total = IntStream.range(0, trials).parallel().mapToDouble(t -> {
            SplittableRandom rng = new SplittableRandom(7_919L * t + targets.length);
            OracleAggregator agg = oracle.newAggregator();
            for (int d = 0; d < n - fakes; d++) {
              agg.add(oracle.randomize(honest.draw(rng), rng.nextLong(), rng));
            }
            for (int i = 0; i < fakes; i++) {
              agg.add(PoisoningAttack.multiTargetReport(oracle, targets, tokens ? rng.nextLong() : null,
                  tokens ? 256 : 8192, rng));
            }
            FrequencyEstimates est = FrequencyEstimator.estimate(agg);
            return Arrays.stream(targets).mapToDouble(est::estimate).sum();
          }).sum() / trials;
          if (targets.length == 1) {
            single = total;
          } else {
            summed = total;
          }
        }
        System.out.printf(Locale.ROOT, "%-15s %-10s  %13.0f  %21.0f  %5.2f%n", describe(config),
            tokens ? "token" : "chosen", single, summed, summed / single);
      }
    }
  }

  static void segments(int trials) {
    int n = 1_000_000;
    int k = 2_000;
    int segments = 3;
    int fakes = n / 100;
    int target = k - 1;
    int perSegment = (k + segments - 1) / segments;
    Weights honest = honestPopulation(k, 1);
    System.out.printf(Locale.ROOT, "%nsegments: n = %,d, K = %,d in %d segments, eps 2, %,d fakes (1%%), %d "
        + "trials%n", n, k, segments, fakes, trials);
    System.out.println("layout                         target z   target's segment: fakes");
    // Unsegmented, with the chooser's oracle for n reports.
    FrequencyOracle whole = FrequencyOracle.of(MechanismChooser.choose(EPS, k, 128, n).chosen());
    double[] unsegmented = IntStream.range(0, trials).parallel().mapToObj(t -> {
      SplittableRandom rng = new SplittableRandom(31L * t + 1);
      OracleAggregator agg = whole.newAggregator();
      for (int d = 0; d < n - fakes; d++) {
        agg.add(whole.randomize(honest.draw(rng), rng.nextLong(), rng));
      }
      for (int i = 0; i < fakes; i++) {
        agg.add(PoisoningAttack.multiTargetReport(whole, new int[] {target}, rng.nextLong(), 4096, rng));
      }
      return new double[] {z(FrequencyEstimator.estimate(agg), target), fakes};
    }).reduce(new double[2], AttestedAttacks::add);
    System.out.printf(Locale.ROOT, "%-30s %9.1f   %,d%n", "unsegmented", unsegmented[0] / trials, fakes);
    // Segment s holds candidates s * perSegment ...; a device's segment is uniform (its report id's hash).
    FrequencyOracle segment = FrequencyOracle.of(MechanismChooser.choose(EPS, perSegment, 128, n / segments)
        .chosen());
    int targetSegment = target / perSegment;
    int targetPosition = target % perSegment;
    for (boolean tokens : new boolean[] {false, true}) {
      double[] sum = IntStream.range(0, trials).parallel().mapToObj(t -> {
        SplittableRandom rng = new SplittableRandom(31L * t + 1);
        OracleAggregator agg = segment.newAggregator();
        int inSegment = 0;
        // Only the target's segment is estimated here: its honest devices vote within it (the population's
        // candidates there, drawn by rejection).
        int lowest = targetSegment * perSegment;
        for (int d = 0; d < n - fakes; d++) {
          if (rng.nextInt(segments) != targetSegment) {
            continue;
          }
          int v;
          do {
            v = honest.draw(rng);
          } while (v < lowest || v >= lowest + perSegment);
          agg.add(segment.randomize(v - lowest, rng.nextLong(), rng));
        }
        for (int i = 0; i < fakes; i++) {
          // Without tokens a fake draws ids until one lands in the target's segment; with one, its token decides.
          if (!tokens || rng.nextInt(segments) == targetSegment) {
            inSegment++;
            agg.add(PoisoningAttack.multiTargetReport(segment, new int[] {targetPosition}, rng.nextLong(), 4096,
                rng));
          }
        }
        return new double[] {z(FrequencyEstimator.estimate(agg), targetPosition), inSegment};
      }).reduce(new double[2], AttestedAttacks::add);
      System.out.printf(Locale.ROOT, "%-30s %9.1f   %,.0f   (%.2fx the unsegmented z)%n",
          tokens ? "segmented, ids from tokens" : "segmented, ids chosen", sum[0] / trials, sum[1] / trials,
          sum[0] / unsegmented[0]);
    }
  }

  static void cap(int trials) {
    int n = 1_000_000;
    int k = 2_000;
    Weights honest = honestPopulation(k, 0);
    System.out.printf(Locale.ROOT, "%ncap: n = %,d, K = %,d, eps 2, no fakes, %d trials: what the cap costs%n", n, k,
        trials);
    System.out.println("cap     chosen                gain  var/report  recall@20");
    for (double cap : new double[] {MechanismChooser.NO_GAIN_CAP, 1.35}) {
      OracleConfig config = MechanismChooser.choose(EPS, k, 128, n, cap).chosen();
      FrequencyOracle oracle = FrequencyOracle.of(config);
      double recall = IntStream.range(0, trials).parallel().mapToDouble(t -> {
        SplittableRandom rng = new SplittableRandom(17L * t + 3);
        long[] truth = new long[k];
        OracleAggregator agg = oracle.newAggregator();
        for (int d = 0; d < n; d++) {
          int v = honest.draw(rng);
          truth[v]++;
          agg.add(oracle.randomize(v, rng.nextLong(), rng));
        }
        return recall(Selection.defaults().rank(FrequencyEstimator.estimate(agg)), truth);
      }).sum() / trials;
      System.out.printf(Locale.ROOT, "%-7s %-20s %5.2f  %10.3f  %9.3f%n",
          Double.isInfinite(cap) ? "none" : Double.toString(cap), describe(config), oracle.fakeReportGain(),
          oracle.variance(n, 0, 0) / n, recall);
    }
  }

  /** Zipf(1.1) over the first {@code k - excluded} candidates: the last {@code excluded} are held by nobody. */
  static Weights honestPopulation(int k, int excluded) {
    return Weights.zipf(IntStream.range(0, k - excluded).toArray(), 1.1);
  }

  static List<UploadToken> tokens(TokenIssuer issuer, String round, int count, String devicePrefix) {
    List<UploadToken> out = new ArrayList<>();
    for (int d = 0; d < count; d++) {
      TokenRequest request = TokenRequest.start(issuer.key(), round, SeededSecureRandom.of(devicePrefix.hashCode()
          + 31L * d));
      out.add(request.finish(issuer.issue(devicePrefix + d, request.blindedMessage())));
    }
    return out;
  }

  /** A token input naming this round, as a forger would write it. */
  static byte[] input(SplittableRandom rng) {
    byte[] input = bytes(rng, UploadToken.INPUT_BYTES);
    byte[] round = java.util.HexFormat.of().parseHex(ROUND);
    System.arraycopy(round, 0, input, 32, 32);
    return input;
  }

  static byte[] bytes(SplittableRandom rng, int n) {
    byte[] out = new byte[n];
    rng.nextBytes(out);
    return out;
  }

  static <T> T pick(List<T> list, SplittableRandom rng) {
    return list.get(rng.nextInt(list.size()));
  }

  static boolean selected(List<RankedCandidate> ranking, int index) {
    return ranking.stream().anyMatch(r -> r.index() == index && r.selected());
  }

  /** Of the true top 20, the share the ranking's top 20 holds. */
  static double recall(List<RankedCandidate> ranking, long[] truth) {
    Integer[] byTruth = IntStream.range(0, truth.length).boxed().toArray(Integer[]::new);
    Arrays.sort(byTruth, (a, b) -> truth[a] != truth[b] ? Long.compare(truth[b], truth[a]) : Integer.compare(a, b));
    Set<Integer> trueTop = new HashSet<>(Arrays.asList(byTruth).subList(0, TOP));
    return (double) ranking.stream().limit(TOP).filter(r -> trueTop.contains(r.index())).count() / TOP;
  }

  static double z(FrequencyEstimates est, int index) {
    return est.estimate(index) / est.standardError(index);
  }

  static double[] add(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + b[i];
    }
    return out;
  }

  static String describe(OracleConfig config) {
    return config.kind() + (config.hashRange() > 0 ? " g=" + config.hashRange() : "")
        + (config.seedPoolSize() > 0 ? " S=" + config.seedPoolSize() : "");
  }
}
