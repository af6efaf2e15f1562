package org.dpcurate.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** Command-line parsing shared by the jobs: every value is validated, and every failure names the option. */
public final class Cli {
  private final String job;
  private final String summary;
  private final Options options = new Options();
  private CommandLine line;

  public Cli(String job, String summary) {
    this.job = job;
    this.summary = summary;
    options.addOption(Option.builder("h").longOpt("help").desc("print this help and exit").get());
  }

  /** An option that takes a value; the description should state the default. */
  public Cli option(String name, String argName, String description) {
    options.addOption(Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get());
    return this;
  }

  public Cli required(String name, String argName, String description) {
    options.addOption(
        Option.builder().longOpt(name).hasArg().argName(argName).desc(description).required().get());
    return this;
  }

  public Cli flag(String name, String description) {
    options.addOption(Option.builder().longOpt(name).desc(description).get());
    return this;
  }

  /** Parses {@code args}; returns false if help was asked for (and printed). */
  public boolean parse(String[] args) {
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help")) {
        System.out.print(usage());
        return false;
      }
    }
    try {
      line = new DefaultParser().parse(options, args);
    } catch (ParseException e) {
      throw JobException.usage(e.getMessage() + "\n" + usage());
    }
    for (Option o : line.getOptions()) {
      if (o.hasArg() && line.getOptionValues(o.getLongOpt()).length > 1) {
        throw JobException.usage("--" + o.getLongOpt() + " is given more than once\n" + usage());
      }
    }
    if (!line.getArgList().isEmpty()) {
      throw JobException.usage("unexpected arguments " + line.getArgList() + "\n" + usage());
    }
    return true;
  }

  public String usage() {
    StringWriter out = new StringWriter();
    new HelpFormatter().printHelp(new PrintWriter(out), 110, "dpcurate " + job + " [options]", summary, options, 2,
        4, "", false);
    return out.toString();
  }

  public boolean has(String name) {
    return line.hasOption(name);
  }

  public String string(String name, String def) {
    return line.getOptionValue(name, def);
  }

  public String string(String name) {
    return line.getOptionValue(name);
  }

  public long longValue(String name, long def, long min, long max) {
    String v = line.getOptionValue(name);
    if (v == null) {
      return def;
    }
    long parsed;
    try {
      parsed = Long.parseLong(v.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw JobException.usage("--" + name + " must be an integer, got: " + v);
    }
    if (parsed < min || parsed > max) {
      throw JobException.usage("--" + name + " must be in [" + min + ", " + max + "], got: " + v);
    }
    return parsed;
  }

  public int intValue(String name, int def, int min, int max) {
    return (int) longValue(name, def, min, max);
  }

  /** A double in [min, max]; "inf" and "infinity" mean +Infinity where max allows it. */
  public double doubleValue(String name, double def, double min, double max) {
    String v = line.getOptionValue(name);
    if (v == null) {
      return def;
    }
    double parsed;
    String s = v.trim().toLowerCase(Locale.ROOT);
    if (s.equals("inf") || s.equals("infinity") || s.equals("+inf")) {
      parsed = Double.POSITIVE_INFINITY;
    } else {
      try {
        parsed = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw JobException.usage("--" + name + " must be a number, got: " + v);
      }
    }
    if (!(parsed >= min && parsed <= max)) {
      throw JobException.usage("--" + name + " must be in [" + min + ", " + max + "], got: " + v);
    }
    return parsed;
  }

  /** Wraps a lib validation error as a usage error naming the option. */
  public static <T> T validated(String name, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw JobException.usage("--" + name + ": " + e.getMessage());
    }
  }
}
