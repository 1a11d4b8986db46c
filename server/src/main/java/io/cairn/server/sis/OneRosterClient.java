package io.cairn.server.sis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.interop.oneroster.Roster;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A OneRoster 1.2 REST consumer (java.net.http): it gets a bearer token with the OAuth 2.0 client credentials
 * grant (1EdTech Security Framework) for the read-only rostering and gradebook scopes, then reads one learner's
 * enrollments and results, and the classes, courses and line items they point to, page by page ({@code limit} and
 * {@code offset}, {@code X-Total-Count}). A token the SIS stops accepting is replaced once; nothing is stored.
 */
public final class OneRosterClient implements SisSource {
  static final List<String> SCOPES = List.of("https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly",
      "https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly");
  private static final String ROSTERING = "/ims/oneroster/rostering/v1p2";
  private static final String GRADEBOOK = "/ims/oneroster/gradebook/v1p2";
  private static final int MAX_PAGES = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final URI tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final int pageSize;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile String token;
  private volatile Instant tokenExpires = Instant.EPOCH;

  /**
   * A client of the OneRoster service at {@code baseUrl} (the part before {@code /ims/oneroster}).
   *
   * @param pageSize how many objects to ask for per page
   */
  public OneRosterClient(URI baseUrl, URI tokenUrl, String clientId, String clientSecret, int pageSize) {
    this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    if (pageSize < 1) {
      throw new IllegalArgumentException("the page size must be at least 1");
    }
    this.pageSize = pageSize;
  }

  @Override
  public String describe() {
    return "OneRoster 1.2 REST at " + baseUrl;
  }

  @Override
  public Roster roster(String learner) {
    String quoted = "'" + learner.replace("'", "") + "'";
    List<Roster.Enrollment> enrollments = list(ROSTERING + "/enrollments", "user.sourcedId=" + quoted,
        "enrollments", e -> new Roster.Enrollment(text(e, "sourcedId"), ref(e, "user"), ref(e, "class"),
            text(e, "role")));
    List<Roster.Result> results = list(GRADEBOOK + "/results", "student.sourcedId=" + quoted, "results",
        r -> new Roster.Result(text(r, "sourcedId"), ref(r, "lineItem"), ref(r, "student"), ref(r, "class"),
            text(r, "scoreStatus"), r.path("score").isNumber() ? r.get("score").asDouble()
                : r.path("score").isTextual() && !r.get("score").asText().isBlank() ? number(r.get("score").asText())
                : null, r.path("textScore").isTextual() ? r.get("textScore").asText() : null));
    List<Roster.LineItem> items = new ArrayList<>();
    Set<String> classIds = new LinkedHashSet<>();
    enrollments.stream().filter(e -> e.userSourcedId().equals(learner)).forEach(e -> classIds.add(e.classSourcedId()));
    for (Roster.Result r : results) {
      if (!r.classSourcedId().isBlank()) {
        classIds.add(r.classSourcedId());
      } else if (!r.lineItemSourcedId().isBlank()) {
        JsonNode item = one(GRADEBOOK + "/lineItems/" + seg(r.lineItemSourcedId()), "lineItem");
        items.add(new Roster.LineItem(text(item, "sourcedId"), ref(item, "class"), text(item, "title")));
        classIds.add(ref(item, "class"));
      }
    }
    List<Roster.RosterClass> classes = new ArrayList<>();
    Set<String> courseIds = new LinkedHashSet<>();
    for (String id : classIds) {
      JsonNode c = one(ROSTERING + "/classes/" + seg(id), "class");
      classes.add(new Roster.RosterClass(text(c, "sourcedId"), ref(c, "course"), text(c, "title")));
      courseIds.add(ref(c, "course"));
    }
    List<Roster.Course> courses = new ArrayList<>();
    for (String id : courseIds) {
      JsonNode c = one(ROSTERING + "/courses/" + seg(id), "course");
      courses.add(new Roster.Course(text(c, "sourcedId"), text(c, "courseCode"), text(c, "title")));
    }
    return new Roster(enrollments, classes, courses, items, results);
  }

  private <T> List<T> list(String path, String filter, String key, Function<JsonNode, T> read) {
    List<T> all = new ArrayList<>();
    for (int page = 0, offset = 0; page < MAX_PAGES; page++) {
      HttpResponse<String> response = get(path + "?limit=" + pageSize + "&offset=" + offset + "&filter="
          + URLEncoder.encode(filter, StandardCharsets.UTF_8));
      JsonNode items = json(response, path).path(key);
      if (!items.isArray()) {
        throw new SisException("the SIS's answer to " + path + " has no \"" + key + "\" array");
      }
      items.forEach(item -> {
        if (!"tobedeleted".equalsIgnoreCase(text(item, "status"))) {
          all.add(read.apply(item));
        }
      });
      offset += items.size();
      long total = response.headers().firstValueAsLong("X-Total-Count").orElse(-1);
      if (items.size() < pageSize || (total >= 0 && offset >= total) || items.isEmpty()) {
        return all;
      }
    }
    throw new SisException("the SIS's " + path + " went on for more than " + MAX_PAGES + " pages");
  }

  private JsonNode one(String path, String key) {
    JsonNode node = json(get(path), path).path(key);
    if (!node.isObject()) {
      throw new SisException("the SIS's answer to " + path + " has no \"" + key + "\" object");
    }
    return node;
  }

  private HttpResponse<String> get(String pathAndQuery) {
    HttpResponse<String> response = send(pathAndQuery, token());
    if (response.statusCode() == 401) {
      // the token may have been revoked before its time: one new one, then give up
      token = null;
      response = send(pathAndQuery, token());
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new SisException("the SIS refused Cairn's access token for " + pathAndQuery.split("\\?")[0] + " ("
          + response.statusCode() + "); check the client's scopes (" + String.join(" ", SCOPES) + ")");
    }
    if (response.statusCode() != 200) {
      throw new SisException("the SIS answered " + response.statusCode() + " to " + pathAndQuery.split("\\?")[0]);
    }
    return response;
  }

  private HttpResponse<String> send(String pathAndQuery, String bearer) {
    return call(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).header("Authorization", "Bearer " + bearer)
        .header("Accept", "application/json").GET());
  }

  private synchronized String token() {
    if (token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
        .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = call(HttpRequest.newBuilder(tokenUrl)
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
            + URLEncoder.encode(String.join(" ", SCOPES), StandardCharsets.UTF_8))));
    if (response.statusCode() != 200) {
      throw new SisException("the SIS's token endpoint " + tokenUrl + " refused Cairn's client credentials ("
          + response.statusCode() + "); check the client id and secret");
    }
    JsonNode body = json(response, "the token endpoint");
    String issued = text(body, "access_token");
    if (issued.isEmpty()) {
      throw new SisException("the SIS's token endpoint gave no access_token");
    }
    long seconds = body.path("expires_in").asLong(300);
    token = issued;
    tokenExpires = Instant.now().plusSeconds(Math.max(0, seconds - 30));
    return issued;
  }

  private HttpResponse<String> call(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SisException("the SIS at " + baseUrl + " cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SisException("interrupted while reading the SIS");
    }
  }

  private static JsonNode json(HttpResponse<String> response, String what) {
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new SisException("the SIS's answer to " + what + " is not JSON: " + e.getOriginalMessage());
    }
  }

  private static Double number(String s) {
    try {
      return Double.valueOf(s.trim());
    } catch (NumberFormatException e) {
      throw new SisException("the SIS gave the score '" + s + "', which is not a number");
    }
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isValueNode() ? node.get(field).asText() : "";
  }

  /** The sourcedId of a GUIDRef field ({@code {"href", "sourcedId", "type"}}). */
  private static String ref(JsonNode node, String field) {
    return text(node.path(field), "sourcedId");
  }

  private static String seg(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
