package org.dpcurate.jobs.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One line of a JSON-lines input as one JSON object, strictly: trailing tokens, a key given twice (which value
 * would win is not part of any format here) and JSON that is not an object ({@code null} included) are refused.
 * Shared by uploads and the driver's record files, so both refuse the same lines.
 */
public final class JsonObjectLine {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  /** A line that is not one JSON object; the message says why, starting "not one JSON object: ". */
  public static final class NotAnObjectException extends Exception {
    NotAnObjectException(String why) {
      super("not one JSON object: " + why);
    }
  }

  private final ObjectMapper json = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** The fields of {@code line}. */
  public Map<String, Object> parse(String line) throws NotAnObjectException {
    try {
      return object(json.readValue(line, OBJECT));
    } catch (JsonProcessingException e) {
      throw new NotAnObjectException(e.getOriginalMessage());
    }
  }

  /** The fields of a line given as its UTF-8 bytes. */
  public Map<String, Object> parse(byte[] line) throws NotAnObjectException {
    try {
      return object(json.readValue(line, OBJECT));
    } catch (JsonProcessingException e) {
      throw new NotAnObjectException(e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // only a stream fails to read; a line is in memory
    }
  }

  private static Map<String, Object> object(Map<String, Object> fields) throws NotAnObjectException {
    if (fields == null) {
      // JSON's null maps to no object at all rather than failing to map.
      throw new NotAnObjectException("null");
    }
    return fields;
  }
}
