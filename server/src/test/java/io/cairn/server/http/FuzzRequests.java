package io.cairn.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, mutated HTTP/1.1 requests for one operation, as raw bytes: a valid request built from the document's
 * examples and schemas, then bent in one to three ways. Wrong JSON types, nulls, huge, negative and non-finite
 * numbers, deep nesting, long strings and keys, duplicate keys, invalid UTF-8, control characters, SPARQL and
 * Turtle injection, path traversal, percent-encoded slashes, overlong URLs and headers, wrong methods and media
 * types, and malformed chunking.
 */
final class FuzzRequests {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Strings that have broken parsers, queries and file handlers before. */
  static final List<String> HOSTILE_STRINGS = List.of(
      "", " ", "\u0000", "\t\r\n", "\u001f\u007f", "\uD83D\uDE00", "\u202Emirrored", "\uFEFFbom", "\uD800",
      "null", "true", "-1", "1e400", "NaN", "Infinity", "-Infinity", "x".repeat(5000),
      "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "file:///etc/passwd", "%00", "%2e%2e%2f",
      "\" . } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o", "?s ?p ?o } UNION { ?s ?p ?o", "\"} INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
      "<https://w3id.org/cairn/id/credential/x> a <urn:x> .", "> . <urn:a> <urn:b> <urn:c> . <",
      "\"\"\" ; <urn:p> <urn:o> . #", "'; DROP TABLE credentials; --", "${jndi:ldap://x/y}", "<script>alert(1)</script>",
      "https://w3id.org/cairn/id/credential/nb-cert-data-analytics", "http://data.europa.eu/esco/skill/../../x",
      "urn:x:y", "_:b0", "\\", "\\u0000", "%C3%28", "a/b", "a%2Fb", "*", "?", "#");
  /** Number literals, some of them not JSON at all. */
  static final List<String> NUMBER_LITERALS = List.of("0", "-0", "-1", "1", "2147483647", "2147483648",
      "-2147483649", "9223372036854775808", "1e308", "1e400", "-1e400", "1e-400", "0.5", "1.0", "3.14159",
      "1" + "0".repeat(400), "9".repeat(1001), "0x10", "01", "+1", ".5", "1.", "NaN", "Infinity", "-Infinity");
  private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/json; charset=iso-8859-1",
      "application/json; charset=utf-16", "application/json; charset=nonesuch", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x", "application/json;;", "APPLICATION/JSON", "application/jsonx",
      "application/ld+json", "text/turtle");
  private static final List<String> ACCEPTS = List.of("text/turtle", "application/xml", "*/*",
      "application/problem+json", "text/html", "application/json;q=0", "*/*;q=x", "\u00ff");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
      "HEAD", "FOO");

  /** One request: what was done to it, its bytes, and its method (HEAD responses have no body). */
  record Request(String description, byte[] bytes, String method) {}

  private final FuzzOperation op;
  private final OpenApiContract contract;
  private final Random random;
  private final List<String> knownStrings;
  private final List<String> done = new ArrayList<>();
  /** Raw text put into the JSON for a placeholder string, after the tree is written. */
  private final Map<String, byte[]> raw = new java.util.LinkedHashMap<>();

  FuzzRequests(FuzzOperation op, OpenApiContract contract, Random random, List<String> knownStrings) {
    this.op = op;
    this.contract = contract;
    this.random = random;
    this.knownStrings = knownStrings;
  }

  Request next() {
    done.clear();
    raw.clear();
    String method = op.method();
    if (chance(0.05)) {
      method = pick(METHODS);
      done.add("method " + method);
    }
    StringBuilder target = new StringBuilder(path());
    String query = query();
    if (!query.isEmpty()) {
      target.append('?').append(query);
    }
    if (chance(0.02)) {
      target.append(target.indexOf("?") < 0 ? '?' : '&').append("q=").append("a".repeat(20_000));
      done.add("overlong URL");
    }
    List<String> headers = new ArrayList<>();
    byte[] body = null;
    String contentType = "application/json";
    if (op.hasBody() || chance(0.05)) {
      body = body();
      if (chance(0.1)) {
        contentType = chance(0.2) ? null : pick(CONTENT_TYPES);
        done.add("Content-Type " + contentType);
      }
    }
    if (contentType != null && body != null) {
      headers.add("Content-Type: " + contentType);
    }
    headers.addAll(headers());
    byte[] bytes = frame(method, target.toString(), headers, body);
    return new Request(String.join("; ", done.isEmpty() ? List.of("valid") : done), bytes, method);
  }

  // ------------------------------------------------------------------ path and query

  private String path() {
    String path = op.template();
    for (FuzzOperation.Param p : op.pathParams()) {
      String value = p.example() != null ? p.example() : pick(knownStrings);
      String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      if (chance(0.3)) {
        int kind = random.nextInt(6);
        encoded = switch (kind) {
          case 0 -> URLEncoder.encode(pick(HOSTILE_STRINGS), StandardCharsets.UTF_8).replace("+", "%20");
          case 1 -> "..%2F..%2F..%2Fetc%2Fpasswd";
          case 2 -> value + "%2F" + value;
          case 3 -> pick(List.of("%00", "%C3%28", "%ZZ", "%", "%2e%2e", ".."));
          case 4 -> "a".repeat(random.nextInt(2000, 9000));
          default -> URLEncoder.encode("https://w3id.org/cairn/id/x/" + value, StandardCharsets.UTF_8);
        };
        done.add("path " + p.name() + " mutated (" + kind + ")");
      }
      path = path.replace("{" + p.name() + "}", encoded);
    }
    return path;
  }

  private String query() {
    List<String> pairs = new ArrayList<>();
    for (FuzzOperation.Param p : op.queryParams()) {
      if (chance(0.3)) {
        pairs.add(p.name() + "=" + URLEncoder.encode(validScalar(p.schema(), p.example()), StandardCharsets.UTF_8));
      }
    }
    boolean mutate = !op.queryParams().isEmpty() ? chance(0.4) : chance(0.1);
    if (mutate) {
      int kind = random.nextInt(6);
      String name = op.queryParams().isEmpty() ? "q" : pick(op.queryParams()).name();
      switch (kind) {
        case 0 -> pairs.add(name + "=" + URLEncoder.encode(pick(HOSTILE_STRINGS), StandardCharsets.UTF_8));
        case 1 -> pairs.add(name + "=" + URLEncoder.encode(pick(NUMBER_LITERALS), StandardCharsets.UTF_8));
        case 2 -> pairs.add(name + "=" + pick(List.of("%00", "%C3%28", "%ZZ", "%", "%FF%FE", "%2F")));
        case 3 -> pairs.add(pick(List.of("unknown", "", "limit[]", "q%00", name + name)) + "=x");
        case 4 -> {
          pairs.add(name + "=1");
          pairs.add(name + "=2");
        }
        default -> pairs.add(name);
      }
      done.add("query " + name + " mutated (" + kind + ")");
    }
    return String.join("&", pairs);
  }

  /** A value the parameter's schema allows (or its example). */
  private String validScalar(JsonNode schema, String example) {
    if (example != null && chance(0.7)) {
      return example;
    }
    JsonNode value = Instances.of(schema, contract, random, knownStrings, 0);
    return value.isTextual() ? value.asText() : value.toString();
  }

  // ------------------------------------------------------------------ headers and framing

  private List<String> headers() {
    List<String> headers = new ArrayList<>();
    if (chance(0.15)) {
      int kind = random.nextInt(7);
      switch (kind) {
        case 0 -> headers.add("Accept: " + pick(ACCEPTS));
        case 1 -> headers.add("X-Padding: " + "p".repeat(random.nextInt(9000, 30000)));
        case 2 -> {
          for (int i = 0; i < 200; i++) {
            headers.add("X-Many-" + i + ": v");
          }
        }
        case 3 -> headers.add("Host: elsewhere.example");
        case 4 -> headers.add("X-Control: a\u0001b");
        case 5 -> headers.add("Expect: 100-continue");
        default -> headers.add("Accept-Charset: nonesuch");
      }
      done.add("header (" + kind + ")");
    }
    return headers;
  }

  /** The request's bytes: request line, headers, then the body by Content-Length or (sometimes bent) chunks. */
  private byte[] frame(String method, String target, List<String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
    headers.forEach(h -> head.append(h).append("\r\n"));
    head.append("Connection: close\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (body == null) {
      out.writeBytes(latin1(head.append("\r\n").toString()));
      return out.toByteArray();
    }
    if (chance(0.12)) {
      int kind = random.nextInt(6);
      done.add("chunking (" + kind + ")");
      out.writeBytes(latin1(head.append("Transfer-Encoding: chunked\r\n\r\n").toString()));
      int half = body.length / 2;
      switch (kind) {
        case 0 -> chunk(out, body, 0, body.length, "");
        case 1 -> {
          out.writeBytes(latin1("ZZ\r\n"));
          out.writeBytes(body);
          out.writeBytes(latin1("\r\n"));
        }
        case 2 -> {
          out.writeBytes(latin1(Integer.toHexString(Math.max(1, half)) + "\r\n"));
          out.writeBytes(body);
          out.writeBytes(latin1("\r\n"));
        }
        case 3 -> chunk(out, body, 0, half, ";ext=\"x\"");
        case 4 -> {
          out.writeBytes(latin1("ffffffffffffffffff\r\n"));
          out.writeBytes(body);
        }
        default -> {
          chunk(out, body, 0, half, "");
          chunk(out, body, half, body.length, "");
          out.writeBytes(latin1("X-Trailer: t\r\n"));
        }
      }
      out.writeBytes(latin1(kind == 4 || kind == 3 ? "" : "0\r\n\r\n"));
      return out.toByteArray();
    }
    int length = body.length;
    if (chance(0.04)) {
      length = chance(0.5) ? body.length + 10 : Math.max(0, body.length - 3);
      done.add("Content-Length " + length + " for " + body.length + " bytes");
    }
    out.writeBytes(latin1(head.append("Content-Length: ").append(length).append("\r\n\r\n").toString()));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, byte[] body, int from, int to, String extension) {
    if (to > from) {
      out.writeBytes(latin1(Integer.toHexString(to - from) + extension + "\r\n"));
      out.write(body, from, to - from);
      out.writeBytes(latin1("\r\n"));
    }
  }

  // ------------------------------------------------------------------ body

  private byte[] body() {
    JsonNode base = op.bodyExamples().isEmpty() || chance(0.3)
        ? Instances.of(op.bodySchema() == null ? NODES.objectNode() : op.bodySchema(), contract, random, knownStrings, 0)
        : pick(op.bodyExamples()).deepCopy();
    if (chance(0.85)) {
      int mutations = 1 + random.nextInt(3);
      for (int i = 0; i < mutations; i++) {
        base = mutateTree(base);
      }
    }
    String text = write(base, chance(0.08) ? pickObject(base) : null);
    if (chance(0.1)) {
      text = mutateText(text);
    }
    return substituteRaw(text);
  }

  private JsonNode mutateTree(JsonNode root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, null, null, -1, slots);
    Slot slot = pick(slots);
    int kind = random.nextInt(5);
    switch (kind) {
      case 0, 1 -> {
        JsonNode value = hostileValue();
        if (slot.parent() == null) {
          done.add("body replaced by " + shortly(value));
          return value;
        }
        slot.set(value);
        done.add("body " + slot.name() + " = " + shortly(value));
      }
      case 2 -> {
        if (slot.parent() instanceof ObjectNode o) {
          o.remove(slot.field());
          done.add("body " + slot.name() + " removed");
        }
      }
      case 3 -> {
        ObjectNode target = pickObject(root);
        if (target != null) {
          String key = pick(List.of("unknown", "", "__proto__", "constructor", "\u0000", "k".repeat(60_000),
              "\uD83D\uDE00", "learner.name", "$ref"));
          target.set(key, hostileValue());
          done.add("body unknown field (" + key.length() + " chars)");
        }
      }
      default -> {
        JsonNode value = nested(random.nextInt(20, 120));
        if (slot.parent() == null) {
          done.add("body nested " + depth(value));
          return value;
        }
        slot.set(value);
        done.add("body " + slot.name() + " nested " + depth(value));
      }
    }
    return root;
  }

  /** A value of any JSON type, or raw text that is no JSON value at all. */
  private JsonNode hostileValue() {
    return switch (random.nextInt(10)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2, 3 -> NODES.textNode(pick(HOSTILE_STRINGS));
      case 4 -> placeholder(latin1(pick(NUMBER_LITERALS)));
      case 5 -> NODES.objectNode().put("unknown", pick(HOSTILE_STRINGS));
      case 6 -> {
        ArrayNode a = NODES.arrayNode();
        int n = random.nextInt(4) == 0 ? 5000 : random.nextInt(4);
        for (int i = 0; i < n; i++) {
          a.add(i % 2 == 0 ? NODES.textNode(pick(knownStrings)) : NODES.numberNode(i));
        }
        yield a;
      }
      case 7 -> placeholder(new byte[] {'"', 'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'b', '"'});
      case 8 -> placeholder(latin1("\"a\u0001b\tc\""));
      default -> NODES.textNode(pick(knownStrings));
    };
  }

  private JsonNode nested(int depth) {
    JsonNode node = NODES.numberNode(1);
    boolean arrays = random.nextBoolean();
    for (int i = 0; i < depth; i++) {
      node = arrays ? NODES.arrayNode().add(node) : NODES.objectNode().set("learner", node);
    }
    return node;
  }

  private JsonNode placeholder(byte[] text) {
    String key = "\u0001RAW" + raw.size() + "\u0001";
    raw.put(key, text);
    return NODES.textNode(key);
  }

  private String mutateText(String text) {
    int kind = random.nextInt(7);
    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
    done.add("text (" + kind + ")");
    return switch (kind) {
      case 0 -> text.substring(0, at);
      case 1 -> text.substring(0, at) + pick(List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "'")) + text.substring(at);
      case 2 -> text + pick(List.of("}", " x", "{}", "\u0000", "\n{\"k\": 1}"));
      case 3 -> "\uFEFF" + text;
      case 4 -> "[" + text + "]";
      case 5 -> "/* comment */" + text;
      default -> text.replace('"', '\'');
    };
  }

  // ------------------------------------------------------------------ tree helpers

  private record Slot(JsonNode parent, String field, int index) {
    void set(JsonNode value) {
      if (parent instanceof ObjectNode o) {
        o.set(field, value);
      } else if (parent instanceof ArrayNode a) {
        a.set(index, value);
      }
    }

    String name() {
      return field != null ? field : parent == null ? "(root)" : "[" + index + "]";
    }
  }

  private static void collect(JsonNode node, JsonNode parent, String field, int index, List<Slot> slots) {
    slots.add(new Slot(parent, field, index));
    if (node.isObject()) {
      node.properties().forEach(e -> collect(e.getValue(), node, e.getKey(), -1, slots));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), node, null, i, slots);
      }
    }
  }

  private ObjectNode pickObject(JsonNode root) {
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(root, objects);
    return objects.isEmpty() ? null : pick(objects);
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
    if (node instanceof ObjectNode o) {
      objects.add(o);
    }
    node.forEach(child -> collectObjects(child, objects));
  }

  /** Writes JSON text; in {@code duplicateIn} the first field is written twice. */
  private String write(JsonNode node, ObjectNode duplicateIn) {
    StringBuilder out = new StringBuilder();
    write(node, duplicateIn, out);
    if (duplicateIn != null && duplicateIn.size() > 0) {
      done.add("duplicate key '" + shortly(NODES.textNode(duplicateIn.fieldNames().next())) + "'");
    }
    return out.toString();
  }

  private static void write(JsonNode node, ObjectNode duplicateIn, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      boolean first = true;
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      if (node == duplicateIn && !fields.isEmpty()) {
        fields.add(1, fields.getFirst());
      }
      for (Map.Entry<String, JsonNode> e : fields) {
        out.append(first ? "" : ",").append(NODES.textNode(e.getKey())).append(':');
        write(e.getValue(), duplicateIn, out);
        first = false;
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(node.get(i), duplicateIn, out);
      }
      out.append(']');
    } else {
      out.append(node);
    }
  }

  private byte[] substituteRaw(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (Map.Entry<String, byte[]> r : raw.entrySet()) {
      byte[] quoted = ("\"" + r.getKey() + "\"").getBytes(StandardCharsets.UTF_8);
      bytes = replace(bytes, quoted, r.getValue());
      // a placeholder that the JSON writer escaped (\u0001) is found by its escaped form
      bytes = replace(bytes, ("\"" + r.getKey().replace("\u0001", "\\u0001") + "\"").getBytes(StandardCharsets.UTF_8),
          r.getValue());
    }
    return bytes;
  }

  private static byte[] replace(byte[] data, byte[] needle, byte[] with) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    outer:
    while (i < data.length) {
      if (i + needle.length <= data.length) {
        for (int j = 0; j < needle.length; j++) {
          if (data[i + j] != needle[j]) {
            out.write(data[i++]);
            continue outer;
          }
        }
        out.writeBytes(with);
        i += needle.length;
      } else {
        out.write(data[i++]);
      }
    }
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ small helpers

  private static int depth(JsonNode node) {
    int d = 0;
    for (JsonNode n = node; n.isContainerNode() && n.size() > 0; n = n.isArray() ? n.get(0) : n.get("learner")) {
      d++;
    }
    return d;
  }

  private static String shortly(JsonNode value) {
    String s = value.toString();
    return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
