package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The OpenAPI document as a test oracle: finds the schema it gives for an operation's response (or a component)
 * and validates JSON against it with a JSON Schema 2020-12 validator.
 *
 * <p>OpenAPI 3.1 schemas are JSON Schema 2020-12, but they point at each other with
 * {@code #/components/schemas/X}, which means nothing outside the document. Each schema is therefore wrapped
 * in a standalone JSON Schema whose {@code $defs} hold all the document's component schemas, with every such
 * {@code $ref} rewritten to {@code #/$defs/X}.
 */
final class OpenApiContract {
  static final String RESOURCE = "io/cairn/server/http/openapi.json";
  private static final String COMPONENT_PREFIX = "#/components/schemas/";

  private final JsonNode document;
  private final JsonNode defs;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> cache = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode document) {
    this.document = document;
    JsonNode schemas = document.path("components").path("schemas");
    assertTrue(schemas.isObject(), "the OpenAPI document has no components.schemas");
    this.defs = rewriteRefs(schemas.deepCopy());
  }

  /** The document shipped with the server (the one GET /openapi.json serves). */
  static OpenApiContract load() {
    return new OpenApiContract(TestServer.json(SystemController.resource(RESOURCE)));
  }

  JsonNode document() {
    return document;
  }

  /** The operation object of {@code method} (lower case) on {@code pathTemplate}, failing when it is not documented. */
  JsonNode operation(String pathTemplate, String method) {
    JsonNode path = document.path("paths").path(pathTemplate);
    if (path.isMissingNode()) {
      fail("the OpenAPI document has no path " + pathTemplate);
    }
    JsonNode op = path.path(method.toLowerCase(java.util.Locale.ROOT));
    if (op.isMissingNode()) {
      fail("the OpenAPI document has no " + method + " " + pathTemplate);
    }
    return op;
  }

  /**
   * The response object the document gives for {@code status} on the operation (exact code, then {@code 4XX} /
   * {@code 5XX}, then {@code default}), with a {@code $ref} to components.responses resolved; fails when none.
   */
  JsonNode response(String pathTemplate, String method, int status) {
    JsonNode responses = operation(pathTemplate, method).path("responses");
    for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
      JsonNode r = responses.path(key);
      if (!r.isMissingNode()) {
        return resolve(r);
      }
    }
    fail("the OpenAPI document gives no response " + status + " for " + method.toUpperCase(java.util.Locale.ROOT)
        + " " + pathTemplate + "; it documents " + fieldNames(responses));
    return null;
  }

  /** Follows a {@code $ref} within the document (any JSON pointer), or returns the node itself. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      assertTrue(ref.startsWith("#/"), () -> "only local $refs are expected, got " + ref);
      assertTrue(hops < 10, "a $ref cycle at " + ref);
      JsonNode target = document.at(ref.substring(1));
      if (target.isMissingNode()) {
        fail("dangling $ref " + ref + " in the OpenAPI document");
      }
      current = target;
    }
    return current;
  }

  /**
   * Asserts that the response is documented for the operation, with its Content-Type among the documented media
   * types, and that its body matches the documented schema.
   */
  void assertResponseMatches(String pathTemplate, String method, HttpResponse<String> response) {
    JsonNode documented = response(pathTemplate, method, response.statusCode());
    String mediaType = TestServer.mediaType(response);
    JsonNode content = documented.path("content");
    JsonNode media = content.path(mediaType);
    if (media.isMissingNode()) {
      fail(method + " " + pathTemplate + " answered " + response.statusCode() + " with Content-Type '" + mediaType
          + "', but the document gives " + fieldNames(content));
    }
    JsonNode schema = media.path("schema");
    assertNotNull(schema, "no schema for " + mediaType);
    if (!mediaType.endsWith("json")) {
      // an HTML page or other text: the document can only say it is a string
      assertEquals("string", schema.path("type").asText(), "schema of " + mediaType);
      return;
    }
    String key = pathTemplate + " " + method + " " + response.statusCode() + " " + mediaType;
    assertValid(cache.computeIfAbsent(key, k -> compile(schema)), response.body(),
        method.toUpperCase(java.util.Locale.ROOT) + " " + response.uri() + " -> " + response.statusCode());
  }

  /** Asserts that {@code json} matches the component schema {@code name}. */
  void assertMatchesComponent(String name, String json) {
    assertTrue(document.path("components").path("schemas").has(name), "no component schema " + name);
    Schema schema = cache.computeIfAbsent("component " + name,
        k -> compile(TestServer.JSON.createObjectNode().put("$ref", COMPONENT_PREFIX + name)));
    assertValid(schema, json, "component " + name);
  }

  /** The validation errors of {@code json} against component {@code name}; empty when it matches. */
  List<String> errorsAgainstComponent(String name, String json) {
    Schema schema = cache.computeIfAbsent("component " + name,
        k -> compile(TestServer.JSON.createObjectNode().put("$ref", COMPONENT_PREFIX + name)));
    return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private static void assertValid(Schema schema, String json, String what) {
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    if (!errors.isEmpty()) {
      String shown = json.length() > 2000 ? json.substring(0, 2000) + "..." : json;
      fail(what + " does not match the OpenAPI document:\n  "
          + errors.stream().limit(20).map(Error::toString).collect(Collectors.joining("\n  "))
          + (errors.size() > 20 ? "\n  ... and " + (errors.size() - 20) + " more" : "")
          + "\nbody: " + shown);
    }
  }

  /** A standalone JSON Schema: the given schema with every component schema available under $defs. */
  private Schema compile(JsonNode schema) {
    ObjectNode root = TestServer.JSON.createObjectNode();
    root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
    JsonNode rewritten = rewriteRefs(schema.deepCopy());
    if (rewritten.isObject()) {
      root.setAll((ObjectNode) rewritten);
    } else {
      fail("a schema must be an object, got " + schema);
    }
    root.set("$defs", defs);
    return registry.getSchema(root.toString(), InputFormat.JSON);
  }

  private static JsonNode rewriteRefs(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual()) {
        String target = ref.asText();
        if (!target.startsWith(COMPONENT_PREFIX)) {
          fail("a schema may only $ref component schemas (" + COMPONENT_PREFIX + "...), got " + target);
        }
        object.put("$ref", "#/$defs/" + target.substring(COMPONENT_PREFIX.length()));
      }
      object.properties().forEach(e -> rewriteRefs(e.getValue()));
    } else if (node.isArray()) {
      node.forEach(OpenApiContract::rewriteRefs);
    }
    return node;
  }

  static String fieldNames(JsonNode object) {
    return object.isObject() ? String.join(", ", iterable(object)) : "nothing";
  }

  private static List<String> iterable(JsonNode object) {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
