package io.cairn.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * A JSON value a schema of openapi.json allows, drawn at random: every required property and some optional ones,
 * enums from their values, numbers within their bounds, strings from known ids (so that some requests reach deep
 * into the engine) or the schema's example. The fuzzer's starting point where the document gives no example.
 */
final class Instances {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 6;

  private Instances() {}

  static JsonNode of(JsonNode schema, OpenApiContract contract, Random random, List<String> knownStrings, int depth) {
    JsonNode s = contract.resolve(schema);
    if (s.has("example")) {
      return s.get("example").deepCopy();
    }
    if (s.has("enum")) {
      return s.get("enum").get(random.nextInt(s.get("enum").size())).deepCopy();
    }
    if (s.has("const")) {
      return s.get("const").deepCopy();
    }
    String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText("object");
    return switch (type) {
      case "object" -> object(s, contract, random, knownStrings, depth);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int n = depth >= MAX_DEPTH ? 0 : Math.max(s.path("minItems").asInt(0), random.nextInt(3));
        n = Math.min(n, s.path("maxItems").asInt(Integer.MAX_VALUE));
        for (int i = 0; i < n; i++) {
          array.add(of(s.path("items"), contract, random, knownStrings, depth + 1));
        }
        yield array;
      }
      case "integer" -> {
        long min = s.path("minimum").asLong(0);
        long max = s.path("maximum").asLong(min + 20);
        yield NODES.numberNode(min + random.nextLong(Math.max(1, max - min + 1)));
      }
      case "number" -> NODES.numberNode(s.path("minimum").asDouble(0) + random.nextDouble() * 1000);
      case "boolean" -> NODES.booleanNode(random.nextBoolean());
      default -> NODES.textNode(string(s, random, knownStrings));
    };
  }

  private static ObjectNode object(JsonNode s, OpenApiContract contract, Random random, List<String> knownStrings,
      int depth) {
    ObjectNode object = NODES.objectNode();
    List<String> required = s.path("required").valueStream().map(JsonNode::asText).toList();
    s.path("properties").properties().forEach(p -> {
      if (depth < MAX_DEPTH && (required.contains(p.getKey()) || random.nextInt(3) == 0)) {
        object.set(p.getKey(), of(p.getValue(), contract, random, knownStrings, depth + 1));
      }
    });
    return object;
  }

  private static String string(JsonNode s, Random random, List<String> knownStrings) {
    String pattern = s.path("pattern").asText("");
    if (pattern.contains("[0-9]")) {
      return String.valueOf(100 + random.nextInt(900)).substring(0, pattern.contains("{3}") ? 3 : 2);
    }
    return knownStrings.get(random.nextInt(knownStrings.size()));
  }
}
