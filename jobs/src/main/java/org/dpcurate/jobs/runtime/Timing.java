package org.dpcurate.jobs.runtime;

/** Elapsed-time formatting for progress logs. */
public final class Timing {
  private Timing() {}

  public static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  public static String since(long startNanos) {
    return String.format("%.1f s", seconds(startNanos));
  }
}
