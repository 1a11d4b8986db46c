package io.cairn.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A student information system played in the test: OneRoster 1.2 REST over real HTTP, with the JSON shapes of the
 * rostering and gradebook REST bindings (GUIDRefs, collections under their plural name, single objects under the
 * singular, limit/offset paging with X-Total-Count), behind an OAuth 2.0 client credentials token endpoint.
 */
final class TestOneRoster implements AutoCloseable {
  static final String CLIENT_ID = "cairn-sis-client";
  static final String SECRET = "s3cret-for-the-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile String grantedScope = "";

  private TestOneRoster(HttpServer server) {
    this.server = server;
  }

  static TestOneRoster start() {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      TestOneRoster sis = new TestOneRoster(http);
      http.createContext("/token", sis::token);
      // a token endpoint that hands out tokens the resource server never accepts
      http.createContext("/elsewhere/token", exchange -> send(exchange, 200, "{\"access_token\":\"forged\","
          + "\"token_type\":\"bearer\",\"expires_in\":3600}"));
      http.createContext("/ims/oneroster/", sis::api);
      http.start();
      return sis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void token(HttpExchange exchange) throws IOException {
    String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET)
        .getBytes(StandardCharsets.UTF_8));
    Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
        || !"client_credentials".equals(form.get("grant_type"))) {
      send(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    grantedScope = form.getOrDefault("scope", "");
    String token = "tok-" + tokens.size() + "-" + System.nanoTime();
    tokens.add(token);
    send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3600,"
        + "\"scope\":\"" + grantedScope + "\"}");
  }

  private void api(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
      send(exchange, 401, "{\"imsx_codeMajor\":\"failure\",\"imsx_severity\":\"error\","
          + "\"imsx_description\":\"invalid access token\",\"imsx_CodeMinor\":{\"imsx_codeMinorField\":"
          + "[{\"imsx_codeMinorFieldName\":\"TargetEndSystem\",\"imsx_codeMinorFieldValue\":\"unauthorisedrequest\"}]}}");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    requests.add(path + (q.containsKey("offset") ? "@" + q.get("offset") : ""));
    switch (path) {
      case "/ims/oneroster/rostering/v1p2/enrollments" -> page(exchange, q, "enrollments", enrollments(filterValue(q)));
      case "/ims/oneroster/gradebook/v1p2/results" -> page(exchange, q, "results", results(filterValue(q)));
      default -> single(exchange, path);
    }
  }

  private static String filterValue(Map<String, String> q) {
    String filter = q.getOrDefault("filter", "");
    int quote = filter.indexOf('\'');
    return quote < 0 ? "" : filter.substring(quote + 1, filter.lastIndexOf('\''));
  }

  private static final Map<String, String[]> CLASSES = Map.of(
      "cls-stat-a", new String[] {"crs-stat", "STAT-210 A"}, "cls-mine-a", new String[] {"crs-mine", "DM-300 A"},
      "cls-bigd-a", new String[] {"crs-bigd", "BD-310 A"}, "cls-art-a", new String[] {"crs-art", "ART-101 A"});
  private static final Map<String, String[]> COURSES = Map.of(
      "crs-stat", new String[] {"STAT-210", "Applied statistics"}, "crs-mine", new String[] {"DM-300", "Data mining"},
      "crs-bigd", new String[] {"BD-310", "Big data platforms"}, "crs-art", new String[] {"ART-101", "Drawing"});

  private List<ObjectNode> enrollments(String user) {
    List<ObjectNode> all = new ArrayList<>();
    int i = 0;
    for (String cls : List.of("cls-stat-a", "cls-mine-a", "cls-bigd-a", "cls-art-a")) {
      ObjectNode e = JSON.createObjectNode();
      e.put("sourcedId", "enr-" + (++i)).put("status", "active").put("dateLastModified", "2026-06-01T00:00:00.000Z")
          .put("role", "student").put("primary", "false").put("beginDate", "2026-01-10").put("endDate", "2026-06-30");
      e.set("user", ref("users", user, "user"));
      e.set("class", ref("classes", cls, "class"));
      e.set("school", ref("orgs", "org-1", "org"));
      all.add(e);
    }
    return user.equals("learner-0001") ? all : List.of();
  }

  private List<ObjectNode> results(String student) {
    if (!student.equals("learner-0001")) {
      return List.of();
    }
    List<ObjectNode> all = new ArrayList<>();
    Object[][] rows = {{"res-1", "li-stat-final", "cls-stat-a", "fully graded", 72.0},
        {"res-2", "li-mine-final", "cls-mine-a", "fully graded", 81.5},
        {"res-3", "li-bigd-final", null, "partially graded", 90.0}};
    for (Object[] row : rows) {
      ObjectNode r = JSON.createObjectNode();
      r.put("sourcedId", (String) row[0]).put("status", "active").put("dateLastModified", "2026-06-01T00:00:00.000Z");
      r.set("lineItem", ref("lineItems", (String) row[1], "lineItem"));
      r.set("student", ref("users", student, "user"));
      if (row[2] != null) {
        r.set("class", ref("classes", (String) row[2], "class"));
      }
      r.put("scoreStatus", (String) row[3]).put("score", (Double) row[4]).put("scoreDate", "2026-06-28");
      all.add(r);
    }
    return all;
  }

  private void page(HttpExchange exchange, Map<String, String> q, String key, List<ObjectNode> all)
      throws IOException {
    int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
    int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
    ObjectNode body = JSON.createObjectNode();
    ArrayNode items = body.putArray(key);
    all.stream().skip(offset).limit(limit).forEach(items::add);
    exchange.getResponseHeaders().set("X-Total-Count", String.valueOf(all.size()));
    send(exchange, 200, body.toString());
  }

  private void single(HttpExchange exchange, String path) throws IOException {
    String[] parts = path.split("/");
    String kind = parts[parts.length - 2];
    String id = parts[parts.length - 1];
    ObjectNode o = JSON.createObjectNode();
    o.put("sourcedId", id).put("status", "active").put("dateLastModified", "2026-06-01T00:00:00.000Z");
    String key;
    if (kind.equals("classes") && CLASSES.containsKey(id)) {
      key = "class";
      o.put("title", CLASSES.get(id)[1]).put("classType", "scheduled");
      o.set("course", ref("courses", CLASSES.get(id)[0], "course"));
    } else if (kind.equals("courses") && COURSES.containsKey(id)) {
      key = "course";
      o.put("courseCode", COURSES.get(id)[0]).put("title", COURSES.get(id)[1]);
      o.set("org", ref("orgs", "org-1", "org"));
    } else if (kind.equals("lineItems") && id.equals("li-bigd-final")) {
      key = "lineItem";
      o.put("title", "Final grade").put("resultValueMin", 0).put("resultValueMax", 100);
      o.set("class", ref("classes", "cls-bigd-a", "class"));
    } else {
      send(exchange, 404, "{\"imsx_codeMajor\":\"failure\",\"imsx_description\":\"unknown object\"}");
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.set(key, o);
    send(exchange, 200, body.toString());
  }

  private ObjectNode ref(String collection, String id, String type) {
    return refNode(base() + "/ims/oneroster/rostering/v1p2/" + collection + "/" + id, id, type);
  }

  private static ObjectNode refNode(String href, String id, String type) {
    ObjectNode r = JSON.createObjectNode();
    r.put("href", href).put("sourcedId", id).put("type", type);
    return r;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
