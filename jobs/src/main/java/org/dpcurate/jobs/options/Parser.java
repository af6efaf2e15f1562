package org.dpcurate.jobs.options;

import java.util.function.Function;

/**
 * Turns an option's text into a value, throwing {@link IllegalArgumentException} with a message that says what is
 * allowed, and formats a value the way a user would type it (for the defaults in {@code --help}).
 *
 * @param <T> the parsed type
 */
public interface Parser<T> {
  T parse(String text);

  default String format(T value) {
    return String.valueOf(value);
  }

  /** A parser that formats with {@code format}. */
  static <T> Parser<T> of(Function<String, T> parse, Function<T, String> format) {
    return new Parser<>() {
      @Override
      public T parse(String text) {
        return parse.apply(text);
      }

      @Override
      public String format(T value) {
        return format.apply(value);
      }
    };
  }
}
