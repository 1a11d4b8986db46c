package io.cairn.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Scalars read only from the JSON type the API document gives them: an integer from a JSON integer, a number
 * from a finite JSON number, a boolean from {@code true} or {@code false}, a string from a JSON string. Jackson's
 * own deserializers are more forgiving than their coercion settings suggest (a blank or control-character string
 * becomes null, {@code "Infinity"} becomes a double); these never guess.
 */
final class StrictScalars {
  private StrictScalars() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("cairn-strict-scalars");
    module.addDeserializer(Integer.class, new Integers(Integer.class));
    module.addDeserializer(int.class, new Integers(int.class));
    module.addDeserializer(Double.class, new Doubles(Double.class));
    module.addDeserializer(double.class, new Doubles(double.class));
    module.addDeserializer(Boolean.class, new Booleans(Boolean.class));
    module.addDeserializer(boolean.class, new Booleans(boolean.class));
    module.addDeserializer(String.class, new Strings());
    return module;
  }

  /** How a JSON value is named in an error: the document's words, never a Java type. */
  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a number with a fraction or exponent";
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      case START_OBJECT, FIELD_NAME -> "an object";
      case START_ARRAY -> "an array";
      default -> "another JSON value";
    };
  }

  private static JsonTypeMismatch mismatch(JsonParser p, Class<?> target, String expected) {
    return new JsonTypeMismatch(p, target, expected, describe(p.currentToken()));
  }

  private static final class Integers extends StdScalarDeserializer<Integer> {
    @SuppressWarnings("unchecked")
    private Integers(Class<?> type) {
      super((Class<Integer>) type);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        throw mismatch(p, Integer.class, "an integer");
      }
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        throw new JsonTypeMismatch(p, Integer.class, "an integer from " + Integer.MIN_VALUE + " to "
            + Integer.MAX_VALUE, "the integer " + p.getText());
      }
      return p.getIntValue();
    }
  }

  private static final class Doubles extends StdScalarDeserializer<Double> {
    @SuppressWarnings("unchecked")
    private Doubles(Class<?> type) {
      super((Class<Double>) type);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
        throw mismatch(p, Double.class, "a number");
      }
      double value = p.getDoubleValue();
      if (!Double.isFinite(value)) {
        throw new JsonTypeMismatch(p, Double.class, "a finite number", "a number too large to represent");
      }
      return value;
    }
  }

  private static final class Booleans extends StdScalarDeserializer<Boolean> {
    @SuppressWarnings("unchecked")
    private Booleans(Class<?> type) {
      super((Class<Boolean>) type);
    }

    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return switch (p.currentToken()) {
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        default -> throw mismatch(p, Boolean.class, "true or false");
      };
    }
  }

  private static final class Strings extends StdScalarDeserializer<String> {
    private Strings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw mismatch(p, String.class, "a string");
      }
      return p.getText();
    }
  }
}
