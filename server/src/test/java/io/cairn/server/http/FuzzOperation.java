package io.cairn.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One operation of openapi.json as the fuzzer sees it: its method and path, its parameters with their schemas and
 * examples, and its request body's schema and examples. Read from the document, so an operation added to the API
 * is fuzzed without anyone telling the fuzzer.
 */
record FuzzOperation(String method, String template, List<Param> pathParams, List<Param> queryParams,
    JsonNode bodySchema, List<JsonNode> bodyExamples) {
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  /** A parameter: its name, its schema (resolved) and an example value (from the document, or null). */
  record Param(String name, JsonNode schema, String example) {}

  String key() {
    return method + " " + template;
  }

  boolean hasBody() {
    return bodySchema != null;
  }

  /** Every operation the document describes, in document order. */
  static List<FuzzOperation> all(OpenApiContract contract) {
    List<FuzzOperation> operations = new ArrayList<>();
    JsonNode paths = contract.document().path("paths");
    for (var path : paths.properties()) {
      for (String method : METHODS) {
        JsonNode op = path.getValue().path(method);
        if (op.isMissingNode()) {
          continue;
        }
        List<Param> inPath = new ArrayList<>();
        List<Param> inQuery = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
          JsonNode param = contract.resolve(p);
          JsonNode example = param.path("example");
          Param parsed = new Param(param.path("name").asText(), contract.resolve(param.path("schema")),
              example.isMissingNode() ? null : example.asText());
          (param.path("in").asText().equals("path") ? inPath : inQuery).add(parsed);
        }
        JsonNode json = op.path("requestBody").path("content").path("application/json");
        JsonNode schema = json.isMissingNode() ? null : contract.resolve(json.path("schema"));
        List<JsonNode> examples = new ArrayList<>();
        json.path("examples").forEach(e -> examples.add(contract.resolve(e).path("value")));
        if (json.has("example")) {
          examples.add(json.get("example"));
        }
        operations.add(new FuzzOperation(method.toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(inPath),
            List.copyOf(inQuery), schema, List.copyOf(examples)));
      }
    }
    return operations;
  }

  @Override
  public String toString() {
    return key();
  }
}
