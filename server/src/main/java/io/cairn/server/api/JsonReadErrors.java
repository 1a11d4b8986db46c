package io.cairn.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON request in the API document's words: fields by their path
 * ({@code constraints.maxCost}), values by their JSON type ("an integer", "a string"). Never a Java class name,
 * never Jackson's internals.
 */
public final class JsonReadErrors {
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]*)\"|Duplicate field '(.*)'");
  /** Jackson's pointers to its own settings and sources, which mean nothing to a client. */
  private static final Pattern INTERNALS = Pattern.compile(
      "\\s*\\((?:start marker at )?\\[Source: [^\\]]*\\]\\)|\\s*\\(from `[^`]*`\\)|`[^`]*`");
  private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'.*");

  private JsonReadErrors() {}

  /** What to fix, for a body Jackson could not read. */
  public static String describe(JsonProcessingException e) {
    return switch (e) {
      case StreamConstraintsException c -> limit(c);
      case UnrecognizedPropertyException u -> "unknown field '" + path(u) + "'; known fields here: "
          + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      case JsonTypeMismatch m when m.expected() == null -> subject(m)
          + " must not be null; leave the field out instead (every field of this API has a type, none is nullable)";
      case JsonTypeMismatch m -> subject(m) + " must be " + m.expected() + ", got " + m.got();
      case InvalidNullException n -> subject(n) + " must not be null";
      case MismatchedInputException m when trailing(m) -> "unexpected content after the end of the JSON object"
          + at(m.getLocation()) + "; send one JSON object";
      case MismatchedInputException m -> subject(m) + " must be " + expected(m.getTargetType()) + ", got "
          + StrictScalars.describe(m.getCurrentToken());
      case JsonMappingException m -> subject(m) + " does not have the form openapi.json gives it";
      case InputCoercionException c -> "a number" + at(c.getLocation()) + " is out of range";
      default -> parseError(e);
    };
  }

  private static String parseError(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher duplicate = DUPLICATE.matcher(message);
    if (duplicate.find()) {
      String name = duplicate.group(1) != null ? duplicate.group(1) : duplicate.group(2);
      return "field '" + name + "' appears more than once" + at(e.getLocation()) + "; give each field once";
    }
    Matcher nonStandard = NON_STANDARD.matcher(message);
    if (nonStandard.matches()) {
      message = "'" + nonStandard.group(1) + "' is not a JSON value";
    }
    return "malformed JSON" + at(e.getLocation()) + ": " + INTERNALS.matcher(message).replaceAll("").trim();
  }

  /** Jackson refuses such input before it has a location to report (the cause of the old NullPointerException). */
  private static String limit(StreamConstraintsException c) {
    String message = c.getOriginalMessage() == null ? "" : c.getOriginalMessage();
    for (Map.Entry<String, String> known : List.of(
        Map.entry("Document nesting depth", "the JSON is nested more than " + JsonMapping.MAX_NESTING
            + " levels deep; send flatter JSON"),
        Map.entry("Number value length", "a number is longer than " + JsonMapping.MAX_NUMBER_DIGITS
            + " characters; send numbers in the ranges the fields take"),
        Map.entry("Name length", "a field name is too long; the fields are named in /openapi.json"),
        Map.entry("String value length", "a string is too long"))) {
      if (message.startsWith(known.getKey())) {
        return known.getValue();
      }
    }
    return "the JSON is larger than this API reads: " + INTERNALS.matcher(message).replaceAll("").trim();
  }

  private static boolean trailing(MismatchedInputException m) {
    return m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Trailing token");
  }

  /** "field 'learner.credentials[0]'", or "the request body" for the whole document. */
  private static String subject(JsonMappingException e) {
    String path = path(e);
    return path.isEmpty() ? "the request body" : "field '" + path + "'";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another JSON type";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return "an object";
  }
}
