package org.dpcurate.jobs.simulation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.dpcurate.jobs.pipeline.CampaignRun;
import org.dpcurate.jobs.runtime.ExitCode;
import org.dpcurate.jobs.runtime.JobException;
import org.dpcurate.jobs.warehouse.RecordFile;
import org.dpcurate.synthesis.Candidate;
import org.dpcurate.synthesis.CandidateGenerator;
import org.dpcurate.synthesis.PublicPool;

/**
 * A simulation's round-1 pool: drawn from the template generator, or from public texts ({@code --initial-pool}),
 * and in a label-conditional campaign split into one pool per label, each label's drawn on its own (so the same
 * text may start in several labels' pools, under a different id in each).
 */
public final class InitialPool {
  private InitialPool() {}

  /** The distinct, non-blank texts of a public pool file (JSON lines or Parquet with {@code text}). */
  public static PublicPool publicPool(CampaignRun run, String path) {
    LinkedHashSet<String> texts = new LinkedHashSet<>();
    RecordFile.read(run.warehouse(), path, "public pool", List.of("text"), "text", (row, fields) -> {
      Object text = fields.get("text");
      if (text != null && !(text instanceof String)) {
        throw RecordFile.bad("public pool", path, row, "text must be a string, got: " + text);
      }
      if (text != null && !((String) text).isBlank()) {
        texts.add((String) text);
      }
    });
    if (texts.size() < 2) {
      throw new JobException(ExitCode.MISSING_INPUT, "public pool at " + path + " holds " + texts.size()
          + " distinct texts; a pool needs at least 2");
    }
    return new PublicPool(new ArrayList<>(texts), run.embedder());
  }

  /**
   * {@code size} candidates for round 1, embedded: from {@code pool} (null: {@code generator}) and, with
   * {@code labels}, {@code size / labels} (rounded up, then trimmed) for each label.
   */
  public static List<Candidate> draw(CampaignRun run, CandidateGenerator generator, PublicPool pool, int size,
      List<String> labels) {
    SplittableRandom rng = run.random("generate", 1);
    if (labels.isEmpty()) {
      return pool == null ? generator.initialPool(size, 1, rng) : pool.embedMissing(distinct(pool, size, rng));
    }
    int perLabel = (size + labels.size() - 1) / labels.size();
    List<Candidate> out = new ArrayList<>();
    for (String label : labels) {
      List<Candidate> drawn = pool == null ? generator.initialPool(perLabel, 1, rng)
          : distinct(pool, perLabel, rng);
      for (Candidate c : drawn) {
        if (out.size() < size) {
          out.add(c.withLabel(label));
        }
      }
    }
    return pool == null ? out : pool.embedMissing(out);
  }

  /** Up to {@code count} distinct texts of {@code pool}, drawn with {@code rng}. */
  private static List<Candidate> distinct(PublicPool pool, int count, SplittableRandom rng) {
    List<Candidate> out = new ArrayList<>();
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (int draws = 0; out.size() < Math.min(count, pool.size()) && draws < 20 * count; draws++) {
      Candidate c = pool.draw(1, rng);
      if (ids.add(c.id())) {
        out.add(c);
      }
    }
    return out;
  }
}
