package org.dpcurate.jobs.options;

/**
 * One command-line option: its name, help, default and parser. The default is written once, here, and {@code --help}
 * shows it from the same value, so the two cannot drift.
 *
 * @param <T> the parsed type
 */
public final class Option<T> {
  private final String name;
  private final String argName;
  private final String description;
  private final T defaultValue;
  private final String defaultText;
  private final Parser<T> parser;

  private Option(String name, String argName, String description, T defaultValue, String defaultText,
      Parser<T> parser) {
    this.name = name;
    this.argName = argName;
    this.description = description;
    this.defaultValue = defaultValue;
    this.defaultText = defaultText;
    this.parser = parser;
  }

  /** An option with a value and a default, shown in the help as {@code parser.format(defaultValue)}. */
  public static <T> Option<T> of(String name, String argName, String description, T defaultValue,
      Parser<T> parser) {
    return new Option<>(name, argName, description, defaultValue, parser.format(defaultValue), parser);
  }

  /** An option whose absence means something the help states in words ({@code absent}); its value is then null. */
  public static <T> Option<T> optional(String name, String argName, String description, String absent,
      Parser<T> parser) {
    return new Option<>(name, argName, description, null, absent, parser);
  }

  /** A switch: true when given. */
  public static Option<Boolean> flag(String name, String description) {
    return new Option<>(name, null, description, false, null, null);
  }

  public String name() {
    return name;
  }

  public boolean isFlag() {
    return parser == null;
  }

  String argName() {
    return argName;
  }

  /** The help line: the description and, for options with a value, the default. */
  String help() {
    return defaultText == null ? description : description + " (default " + defaultText + ")";
  }

  T defaultValue() {
    return defaultValue;
  }

  /** Parses a given value; a bad value is an {@link IllegalArgumentException} that {@link Cli} names. */
  T parse(String value) {
    return parser.parse(value);
  }
}
