package org.dpcurate.jobs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The dates a run processes: {@code --ds D}, or {@code --from D1 --to D2} (inclusive, in order). */
public final class Dates {
  public static final int MAX_RANGE_DAYS = 3660;

  private Dates() {}

  public static void addOptions(Cli cli) {
    cli.option("ds", "YYYY-MM-DD", "the date (partition) to process")
        .option("from", "YYYY-MM-DD", "first date of a backfill, with --to; dates run in order")
        .option("to", "YYYY-MM-DD", "last date of a backfill (inclusive)");
  }

  public static LocalDate parse(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw JobException.usage("--" + option + " must be a date YYYY-MM-DD, got: " + value);
    }
  }

  /** The dates asked for; exactly one of --ds or --from/--to is required. */
  public static List<LocalDate> from(Cli cli) {
    boolean single = cli.has("ds");
    boolean range = cli.has("from") || cli.has("to");
    if (single == range) {
      throw JobException.usage("give either --ds YYYY-MM-DD or --from YYYY-MM-DD --to YYYY-MM-DD");
    }
    if (single) {
      return List.of(parse("ds", cli.string("ds")));
    }
    if (!cli.has("from") || !cli.has("to")) {
      throw JobException.usage("a backfill needs both --from and --to");
    }
    LocalDate from = parse("from", cli.string("from"));
    LocalDate to = parse("to", cli.string("to"));
    if (to.isBefore(from)) {
      throw JobException.usage("--to " + to + " is before --from " + from);
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_RANGE_DAYS) {
      throw JobException.usage("a backfill covers at most " + MAX_RANGE_DAYS + " dates, got " + days);
    }
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }
}
