package org.dpcurate.jobs.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.dpcurate.attestation.TokenKey;
import java.util.stream.Collectors;

/** The parsers options are built from; every failure says what is allowed and what was given. */
public final class Parsers {
  private Parsers() {}

  /** The units a byte count may end with. */
  private static final Map<String, Long> BYTE_UNITS = new LinkedHashMap<>();

  static {
    BYTE_UNITS.put("KiB", 1024L);
    BYTE_UNITS.put("MiB", 1024L * 1024);
    BYTE_UNITS.put("KB", 1000L);
    BYTE_UNITS.put("MB", 1000L * 1000);
  }

  /** An integer in [min, max]; '_' and ',' separate thousands. */
  public static Parser<Long> longIn(long min, long max) {
    return Parser.of(text -> {
      long v;
      try {
        v = Long.parseLong(text.replace("_", "").replace(",", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be an integer, got: " + text);
      }
      return requireIn(v, min, max, text);
    }, String::valueOf);
  }

  /**
   * A byte count: digits with an optional unit, KB (1000), MB (1000^2), KiB (1024) or MiB (1024^2); in
   * [min, max].
   */
  public static Parser<Long> bytesIn(long min, long max) {
    return Parser.of(text -> {
      String t = text.trim().replace("_", "").replace(",", "");
      String digits = t;
      long unit = 1;
      for (Map.Entry<String, Long> u : BYTE_UNITS.entrySet()) {
        if (t.endsWith(u.getKey())) {
          digits = t.substring(0, t.length() - u.getKey().length()).trim();
          unit = u.getValue();
          break;
        }
      }
      long v;
      try {
        v = Math.multiplyExact(Long.parseLong(digits), unit);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("must be a byte count such as 262144, 256KiB, 1MB or 1MiB, got: " + text);
      }
      return requireIn(v, min, max, text);
    }, String::valueOf);
  }

  public static Parser<Integer> intIn(int min, int max) {
    Parser<Long> longs = longIn(min, max);
    return Parser.of(text -> longs.parse(text).intValue(), String::valueOf);
  }

  /** A number in [min, max]; "inf", "+inf" and "infinity" mean +Infinity where max allows it. */
  public static Parser<Double> doubleIn(double min, double max) {
    return Parser.of(text -> {
      String s = text.trim().toLowerCase(Locale.ROOT);
      double v;
      if (s.equals("inf") || s.equals("infinity") || s.equals("+inf")) {
        v = Double.POSITIVE_INFINITY;
      } else {
        try {
          v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("must be a number, got: " + text);
        }
      }
      if (!(v >= min && v <= max)) {
        throw new IllegalArgumentException("must be in [" + min + ", " + max + "], got: " + text);
      }
      return v;
    }, Parsers::formatNumber);
  }

  /** Comma-separated numbers. */
  public static Parser<double[]> doubles() {
    return Parser.of(text -> {
      try {
        return Arrays.stream(text.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be comma-separated numbers, got: " + text);
      }
    }, v -> v.length == 0 ? "none" : Arrays.stream(v).mapToObj(Parsers::formatNumber)
        .collect(Collectors.joining(",")));
  }

  public static Parser<LocalDate> date() {
    return Parser.of(text -> {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("must be a date YYYY-MM-DD, got: " + text);
      }
    }, LocalDate::toString);
  }

  /** A campaign name: it becomes a partition directory, so [A-Za-z0-9_-]+. */
  public static Parser<String> name() {
    return Parser.of(text -> {
      if (!text.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("must match [A-Za-z0-9_-]+, got: " + text);
      }
      return text;
    }, Function.identity());
  }

  public static Parser<String> text() {
    return Parser.of(Function.identity(), Function.identity());
  }

  /** A local file that must exist and be readable. */
  public static Parser<Path> readableFile() {
    return Parser.of(text -> {
      Path p = Path.of(text);
      if (!Files.isReadable(p)) {
        throw new IllegalArgumentException("file not found or unreadable: " + text);
      }
      return p;
    }, Path::toString);
  }

  /**
   * An issuer's public key file: DER SubjectPublicKeyInfo, or the same in PEM ({@code -----BEGIN PUBLIC KEY-----}),
   * RSA of at least 2048 bits.
   */
  public static Parser<TokenKey> tokenKeyFile() {
    return Parser.of(text -> {
      Path p = readableFile().parse(text);
      try {
        return TokenKey.fromFile(Files.readAllBytes(p));
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("cannot read " + text + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(text + ": " + e.getMessage());
      }
    }, TokenKey::id);
  }

  /** One of {@code values}, matched on {@code optionValue}. */
  public static <E> Parser<E> oneOf(List<E> values, Function<E, String> optionValue) {
    return Parser.of(text -> values.stream().filter(v -> optionValue.apply(v).equals(text)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of "
            + values.stream().map(optionValue).toList() + ", got: " + text)), optionValue);
  }

  private static long requireIn(long v, long min, long max, String text) {
    if (v < min || v > max) {
      throw new IllegalArgumentException("must be in [" + min + ", " + max + "], got: " + text);
    }
    return v;
  }

  /** 16 not 16.0, 1e-9 not 1.0E-9, inf for infinity. */
  static String formatNumber(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v).replace(".0E", "e").replace("E", "e");
  }
}
