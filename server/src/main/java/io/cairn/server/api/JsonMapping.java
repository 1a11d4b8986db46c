package io.cairn.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one Jackson configuration of the API: strict on input, plain on output. A request is read as openapi.json
 * declares it or refused ({@link #read}): each scalar only from its own JSON type ({@link StrictScalars}), no
 * null (the document gives every field a type, and none is nullable: leave a field out instead), no field twice, no unknown field, nothing after the object, nesting at most
 * {@link #MAX_NESTING} deep and numbers of at most {@link #MAX_NUMBER_DIGITS} digits.
 */
public final class JsonMapping {
  /** The deepest nesting a request may have; Cairn's bodies need a few levels. */
  public static final int MAX_NESTING = 64;
  /** The longest number a request may hold, in characters. */
  public static final int MAX_NUMBER_DIGITS = 1000;

  private JsonMapping() {}

  public static ObjectMapper create() {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(StrictScalars.module())
        // record accessors and constructors called through generated lambdas rather than reflection: reflective
        // calls were about a tenth of the time spent writing a recommendation list (issue 18's profile)
        .addModule(new BlackbirdModule())
        .build();
    // a JSON type other than the one the contract gives is an error, not something to guess at: "2" is not 2,
    // "" is not an absent object, 1 is not true
    for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.EmptyString,
        CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float,
        CoercionInputShape.Boolean}) {
      mapper.coercionConfigDefaults().setCoercion(shape, CoercionAction.Fail);
    }
    mapper.coercionConfigDefaults().setAcceptBlankAsEmpty(false);
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_DIGITS).build());
    return mapper;
  }

  /**
   * Reads one request body as {@code type}, strictly (see above).
   *
   * @throws JsonProcessingException for anything the document does not allow; {@link JsonReadErrors} says what
   */
  public static <T> T read(ObjectMapper mapper, String json, Class<T> type) throws JsonProcessingException {
    JsonNode tree = mapper.readTree(json);
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return null;
    }
    refuseNulls(tree);
    return mapper.treeToValue(tree, type);
  }

  private static void refuseNulls(JsonNode node) throws JsonTypeMismatch {
    if (node.isObject()) {
      for (var field : node.properties()) {
        try {
          check(field.getValue());
        } catch (JsonTypeMismatch e) {
          e.prependPath(node, field.getKey());
          throw e;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        try {
          check(node.get(i));
        } catch (JsonTypeMismatch e) {
          e.prependPath(node, i);
          throw e;
        }
      }
    }
  }

  private static void check(JsonNode value) throws JsonTypeMismatch {
    if (value.isNull()) {
      throw JsonTypeMismatch.nullValue();
    }
    refuseNulls(value);
  }
}
