package io.cairn.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of another type than the API document gives its field, in the document's words: what the field
 * must be ("an integer", "true or false") and what was sent ("a string").
 */
public final class JsonTypeMismatch extends MismatchedInputException {
  private final String expected;
  private final String got;

  JsonTypeMismatch(JsonParser parser, Class<?> target, String expected, String got) {
    super(parser, expected == null ? "must not be null" : "must be " + expected + ", got " + got, target);
    this.expected = expected;
    this.got = got;
  }

  /** A null where the document gives a type: the field should be left out instead. */
  static JsonTypeMismatch nullValue() {
    return new JsonTypeMismatch(null, Object.class, null, "null");
  }

  /** What the field must be, for example "an integer from 1 to 50" or "true or false"; null for any non-null value. */
  public String expected() {
    return expected;
  }

  /** What was sent, for example "a string" or "null". */
  public String got() {
    return got;
  }
}
