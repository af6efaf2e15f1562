package org.dpcurate.jobs.options;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.dpcurate.jobs.runtime.JobException;

/**
 * A job's command line: the options it declares, parsed once; every bad value is a usage error that names its
 * option. Values are read through the {@link Option} constants, so a job can only read options it declared.
 */
public final class Cli {
  private static final org.apache.commons.cli.Option HELP =
      org.apache.commons.cli.Option.builder("h").longOpt("help").desc("print this help and exit").get();

  private final String job;
  private final String summary;
  private final Map<String, Option<?>> declared = new LinkedHashMap<>();
  private final Options options = new Options();
  private CommandLine line;

  public Cli(String job, String summary, List<Option<?>> jobOptions) {
    this.job = job;
    this.summary = summary;
    options.addOption(HELP);
    for (Option<?> o : jobOptions) {
      if (declared.put(o.name(), o) != null) {
        throw new IllegalStateException(job + " declares --" + o.name() + " twice");
      }
      org.apache.commons.cli.Option.Builder b = org.apache.commons.cli.Option.builder().longOpt(o.name())
          .desc(o.help());
      options.addOption(o.isFlag() ? b.get() : b.hasArg().argName(o.argName()).get());
    }
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
    for (org.apache.commons.cli.Option o : line.getOptions()) {
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

  /** Whether this job reads the option. */
  public boolean declares(Option<?> option) {
    return declared.get(option.name()) == option;
  }

  /** Whether the option was given on the command line. */
  public boolean given(Option<?> option) {
    return line.hasOption(require(option).name());
  }

  /** The option's parsed value, or its default when it was not given. */
  @SuppressWarnings("unchecked")
  public <T> T get(Option<T> option) {
    require(option);
    if (option.isFlag()) {
      return (T) Boolean.valueOf(line.hasOption(option.name()));
    }
    String text = line.getOptionValue(option.name());
    if (text == null) {
      return option.defaultValue();
    }
    try {
      return option.parse(text);
    } catch (IllegalArgumentException e) {
      throw JobException.usage("--" + option.name() + " " + e.getMessage());
    }
  }

  private Option<?> require(Option<?> option) {
    if (declared.get(option.name()) != option) {
      throw new IllegalStateException(job + " reads --" + option.name() + " without declaring it");
    }
    return option;
  }

  /** Runs a lib validation whose failure is the named option's fault, as a usage error. */
  public static <T> T validated(Option<?> option, java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException e) {
      throw JobException.usage("--" + option.name() + ": " + e.getMessage());
    }
  }
}
