package org.dpcurate.client;

import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dpcurate.attestation.UploadToken;
import org.dpcurate.oracle.OracleKind;
import org.dpcurate.oracle.PayloadField;
import org.dpcurate.oracle.Report;

/**
 * The device's upload, one report as one line of JSON (docs/protocol.md "Uploads"): {@code report_id} (32
 * lower-case hex digits), {@code config_sha256} (the round it was made for: the SHA-256 of the published config's
 * bytes, 64 lower-case hex digits; required from protocol version 4 on), {@code oracle} (its exact upper-case name), {@code epsilon} (the published value), and
 * exactly the payload fields the oracle uses: {@code hash_index}, {@code value} and {@code sign} as JSON integers,
 * {@code seed} as 16 lower-case hex digits (the 64 bits, most significant first: JSON numbers cannot hold 64-bit
 * integers in every language), {@code bits} as standard base64 with padding; an attested upload adds its token
 * ({@code token_key_id}, {@code token_input}, {@code token_signature}: docs/protocol.md "Upload tokens"). Any other
 * field, a missing one, or a value of the wrong form makes the line malformed.
 */
public final class UploadRecord {
  private static final Set<String> COMMON = Set.of("report_id", "config_sha256", "oracle", "epsilon");
  /** An attested upload's token (docs/protocol.md "Upload tokens"): all three fields or none. */
  private static final Set<String> TOKEN = Set.of("token_key_id", "token_input", "token_signature");

  /** The fields an upload of each oracle may carry, sorted (as error messages name them). */
  private static final Map<OracleKind, SortedSet<String>> ALLOWED = new EnumMap<>(OracleKind.class);

  static {
    for (OracleKind kind : OracleKind.values()) {
      SortedSet<String> allowed = new TreeSet<>(COMMON);
      allowed.addAll(TOKEN);
      for (PayloadField f : PayloadField.values()) {
        if (f.usedBy(kind)) {
          allowed.add(f.column());
        }
      }
      ALLOWED.put(kind, Collections.unmodifiableSortedSet(allowed));
    }
  }

  private UploadRecord() {}

  /**
   * A decoded upload: the report and the fields the server checks against the published config
   * ({@code configSha256} null when the line has none; {@code tokenKeyId} and {@code token} null for an
   * unattested upload).
   */
  public record Upload(String reportId, String configSha256, OracleKind oracle, double epsilon, Report report,
      String tokenKeyId, UploadToken token) {}

  /**
   * The line of an attested upload: the report id is the token's, and {@code report} was randomized with the
   * token's public randomness ({@code FrequencyOracle.randomize(value, token.publicRandomness(), rng)}).
   */
  public static String encode(UploadToken token, String tokenKeyId, String configSha256, Report report,
      double epsilon) {
    String line = encode(token.reportId(), configSha256, report, epsilon);
    return line.substring(0, line.length() - 1) + ",\"token_key_id\":\"" + tokenKeyId + "\",\"token_input\":\""
        + token.inputBase64Url() + "\",\"token_signature\":\"" + token.signatureBase64Url() + "\"}";
  }

  /**
   * The line a device uploads for {@code report}, made under {@code epsilon} for the round whose config hashes to
   * {@code configSha256} (null only for a round published before protocol version 4).
   */
  public static String encode(String reportId, String configSha256, Report report, double epsilon) {
    StringBuilder out = new StringBuilder("{\"report_id\":\"").append(reportId).append('"');
    if (configSha256 != null) {
      out.append(",\"config_sha256\":\"").append(configSha256).append('"');
    }
    out.append(",\"oracle\":\"").append(report.oracle().name()).append("\",\"epsilon\":").append(epsilon);
    for (PayloadField f : PayloadField.values()) {
      if (!f.usedBy(report.oracle())) {
        continue;
      }
      out.append(",\"").append(f.column()).append("\":");
      switch (f) {
        case HASH_INDEX -> out.append(report.hashIndex());
        case SEED -> out.append('"').append(HexFormat.of().toHexDigits(report.seed())).append('"');
        case VALUE -> out.append(report.value());
        case SIGN -> out.append(report.sign());
        case BITS -> out.append('"').append(Base64.getEncoder().encodeToString(report.bits())).append('"');
      }
    }
    return out.append('}').toString();
  }

  /** The upload a parsed JSON object holds; throws {@link MalformedUploadException} saying what is wrong. */
  public static Upload decode(Map<String, ?> fields) {
    String reportId = text(fields, "report_id");
    if (!isLowerHex(reportId, 32)) {
      throw new MalformedUploadException("report_id must be 32 lower-case hex digits, got: " + reportId);
    }
    String configSha256 = fields.containsKey("config_sha256") ? text(fields, "config_sha256") : null;
    if (configSha256 != null && !isLowerHex(configSha256, 64)) {
      throw new MalformedUploadException("config_sha256 must be 64 lower-case hex digits, got: " + configSha256);
    }
    String name = text(fields, "oracle");
    OracleKind kind = null;
    for (OracleKind k : OracleKind.values()) {
      if (k.name().equals(name)) {
        kind = k;
      }
    }
    if (kind == null) {
      throw new MalformedUploadException("oracle must be one of " + OracleKind.allNames() + " (exactly), got: "
          + name);
    }
    Set<String> allowed = ALLOWED.get(kind);
    if (!allowed.containsAll(fields.keySet())) {
      Set<String> extra = new TreeSet<>(fields.keySet());
      extra.removeAll(allowed);
      throw new MalformedUploadException("fields " + extra + " are not part of a " + kind + " upload " + allowed);
    }
    double epsilon = number(fields, "epsilon").doubleValue();
    int hashIndex = PayloadField.HASH_INDEX.usedBy(kind) ? integer(fields, "hash_index") : 0;
    long seed = PayloadField.SEED.usedBy(kind) ? seed(text(fields, "seed")) : 0;
    int value = PayloadField.VALUE.usedBy(kind) ? integer(fields, "value") : 0;
    int sign = PayloadField.SIGN.usedBy(kind) ? integer(fields, "sign") : 0;
    byte[] bits = PayloadField.BITS.usedBy(kind) ? base64(text(fields, "bits")) : null;
    int tokenFields = 0;
    for (String f : TOKEN) {
      tokenFields += fields.containsKey(f) ? 1 : 0;
    }
    String tokenKeyId = null;
    UploadToken token = null;
    if (tokenFields == TOKEN.size()) {
      tokenKeyId = text(fields, "token_key_id");
      if (!isLowerHex(tokenKeyId, 64)) {
        throw new MalformedUploadException("token_key_id must be 64 lower-case hex digits, got: " + tokenKeyId);
      }
      try {
        token = new UploadToken(UploadToken.base64Url("token_input", text(fields, "token_input")),
            UploadToken.base64Url("token_signature", text(fields, "token_signature")));
      } catch (MalformedUploadException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new MalformedUploadException(e.getMessage());
      }
    } else if (tokenFields > 0) {
      Set<String> given = new TreeSet<>(TOKEN);
      given.retainAll(fields.keySet());
      throw new MalformedUploadException("a token is " + TOKEN + " together, got only " + given);
    }
    return new Upload(reportId, configSha256, kind, epsilon, new Report(kind, hashIndex, seed, value, sign, bits),
        tokenKeyId, token);
  }

  private static Object required(Map<String, ?> fields, String key) {
    Object v = fields.get(key);
    if (v == null) {
      throw new MalformedUploadException(key + " is missing or null");
    }
    return v;
  }

  private static String text(Map<String, ?> fields, String key) {
    if (!(required(fields, key) instanceof String s)) {
      throw new MalformedUploadException(key + " must be a string, got: " + fields.get(key));
    }
    return s;
  }

  private static Number number(Map<String, ?> fields, String key) {
    if (!(required(fields, key) instanceof Number n)) {
      throw new MalformedUploadException(key + " must be a number, got: " + fields.get(key));
    }
    return n;
  }

  /** A JSON integer (no fraction, no exponent: 1.0 and 1e0 are not integers here) within 32 bits. */
  private static int integer(Map<String, ?> fields, String key) {
    Number n = number(fields, key);
    boolean integral = n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof java.math.BigInteger;
    if (!integral || n.doubleValue() < Integer.MIN_VALUE || n.doubleValue() > Integer.MAX_VALUE) {
      throw new MalformedUploadException(key + " must be a 32-bit integer written as a JSON integer (no fraction or "
          + "exponent), got: " + n);
    }
    return n.intValue();
  }

  /** Exactly {@code length} lower-case hex digits (a loop: ingestion checks several fields of every upload). */
  static boolean isLowerHex(String text, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static long seed(String hex) {
    if (!isLowerHex(hex, 16)) {
      throw new MalformedUploadException("seed must be 16 lower-case hex digits, got: " + hex);
    }
    return Long.parseUnsignedLong(hex, 16);
  }

  /** Standard base64 with its padding: a length that is a multiple of 4 (the JDK decoder alone accepts less). */
  private static byte[] base64(String text) {
    if (text.length() % 4 != 0) {
      throw new MalformedUploadException("bits must be standard base64 with padding (a multiple of 4 characters), "
          + "got " + text.length() + " characters");
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedUploadException("bits must be standard base64: " + e.getMessage());
    }
  }

  /** Why an upload line is not a report at all (before the oracle's own validation). */
  public static final class MalformedUploadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedUploadException(String message) {
      super(message);
    }
  }

  /** Lower-case hex of a 128-bit id, as devices draw it. */
  public static String reportId(long high, long low) {
    return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
  }
}
