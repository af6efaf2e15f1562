package org.dpcurate.jobs;

import java.util.Arrays;
import java.util.List;
import org.dpcurate.jobs.runtime.ExitCode;

/** {@code dpcurate <job> [options]}: one entry point for every job. */
public final class Main {
  static final List<Job> JOBS = List.of(new GenerateJob(), new PublishJob(), new IngestJob(), new SimulateJob(),
      new EstimateJob(), new RefineJob(), new NightlyJob(), new RetentionJob(), new DiscoverRoundJob(), new CurateJob(),
      new EvaluateJob(), new DiscoverJob(), new BenchmarkJob());

  private Main() {}

  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      System.out.println(help());
      System.exit(args.length == 0 ? ExitCode.USAGE.code : 0);
    }
    Job job = JOBS.stream().filter(j -> j.name().equals(args[0])).findFirst().orElse(null);
    if (job == null) {
      System.err.println("dpcurate: unknown job '" + args[0] + "'\n" + help());
      System.exit(ExitCode.USAGE.code);
    }
    JobRunner.main(job, Arrays.copyOfRange(args, 1, args.length));
  }

  static String help() {
    StringBuilder out = new StringBuilder("usage: dpcurate <job> [options]   (dpcurate <job> --help for options)\n");
    for (Job j : JOBS) {
      out.append(String.format("  %-9s %s%n", j.name(), j.summary()));
    }
    return out.toString();
  }
}
