package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.server.lti.DemoPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LTI Names and Role Provisioning Services 2.0 against a played LMS over real HTTP: the {@link DemoPlatform} launches
 * through the whole OIDC flow, its token endpoint grants an access token only for a client assertion that Cairn's key
 * signed (checked against Cairn's own {@code /lti/jwks}, fetched by the platform), and its membership container comes
 * in pages of two linked by {@code Link: rel="next"}. An advisor's launch lists the course's active learners, and a
 * learner picked from it comes with what the OneRoster test server says they passed. Each way it can fail is a
 * problem+json that says why: a learner's launch, no launch, an LMS that offers no roster, a token refused, an LMS
 * that is down, someone not in the course.
 */
class CourseRosterTest {
  private static final String ADMIN = "course-roster-admin-token-0123456789";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
  private static TestOneRoster sis;
  private static TestServer server;
  private static final List<AutoCloseable> platforms = new ArrayList<>();

  @BeforeAll
  static void start() {
    sis = TestOneRoster.start();
    server = TestServer.startWithSis(sis, ADMIN);
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable p : platforms) {
      try {
        p.close();
      } catch (RuntimeException closedAlready) {
        // the platform a test took down
      }
    }
    if (server != null) {
      server.close();
    }
    if (sis != null) {
      sis.close();
    }
  }

  /** A demo LMS registered with Cairn, reading the tool's keys from {@code toolJwks} (none: no roster offered). */
  private static DemoPlatform platform(Optional<URI> toolJwks) {
    DemoPlatform platform = DemoPlatform.start("127.0.0.1", 0, server.base(), "learner-0001", "data-analytics",
        toolJwks);
    platforms.add(platform);
    HttpResponse<String> registered = server.post("/api/lti/platforms",
        platform.registration().getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
        "Authorization", "Bearer " + ADMIN);
    assertEquals(201, registered.statusCode(), registered.body());
    return platform;
  }

  private static DemoPlatform platform() {
    return platform(Optional.of(server.base().resolve("/lti/jwks")));
  }

  /**
   * Launches Cairn from {@code platform} as {@code who} through the OIDC flow a browser follows (login initiation,
   * the platform's authorization endpoint, the form post of the id_token), and returns the launch cookie.
   */
  private static String launch(DemoPlatform platform, String who) {
    String form = form(Map.of("iss", platform.issuer(), "login_hint", who, "target_link_uri", server.base()
        .resolve("/lti/launch").toString(), "client_id", DemoPlatform.CLIENT_ID, "lti_deployment_id",
        DemoPlatform.DEPLOYMENT));
    HttpResponse<String> login = send(HttpRequest.newBuilder(server.base().resolve("/lti/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    assertEquals(302, login.statusCode(), login.body());
    HttpResponse<String> auth = send(HttpRequest.newBuilder(URI.create(login.headers().firstValue("Location")
        .orElseThrow())).GET());
    assertEquals(200, auth.statusCode(), auth.body());
    Matcher hidden = HIDDEN.matcher(auth.body());
    StringBuilder post = new StringBuilder();
    while (hidden.find()) {
      post.append(post.isEmpty() ? "" : "&").append(hidden.group(1)).append('=')
          .append(URLEncoder.encode(hidden.group(2).replace("&amp;", "&").replace("&quot;", "\""),
              StandardCharsets.UTF_8));
    }
    HttpResponse<String> launched = send(HttpRequest.newBuilder(server.base().resolve("/lti/launch"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(post.toString())));
    assertEquals(303, launched.statusCode(), launched.body());
    String cookie = launched.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private static HttpResponse<String> get(String path, String cookie) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve(path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  /** A 200 JSON answer that matches what openapi.json says of {@code GET template}, parsed. */
  private static JsonNode documented(HttpResponse<String> answer, String template) {
    JsonNode body = TestServer.okJson(answer);
    OpenApiContract.load().assertResponseMatches(template, "get", answer);
    return body;
  }

  private static JsonNode problem(HttpResponse<String> answer, int status) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertEquals("application/problem+json", TestServer.mediaType(answer), answer.body());
    JsonNode body = TestServer.json(answer.body());
    assertFalse(body.path("detail").asText().contains("Exception"), "no stack trace or class name: " + body);
    return body;
  }

  @Test
  void anAdvisorsLaunchListsTheCoursesLearnersFromTheLmsReadPageByPage() {
    HttpResponse<String> answer = get("/lti/members", launch(platform(), "instructor"));
    JsonNode roster = documented(answer, "/lti/members");
    assertEquals(DemoPlatform.COURSE, roster.path("context").asText());
    assertEquals("Data analytics 101", roster.path("contextTitle").asText());
    assertEquals("data-analytics", roster.path("pathway").asText());
    // five members on three pages of two: every page was followed
    List<String> names = new ArrayList<>();
    roster.path("members").forEach(m -> names.add(m.path("name").asText()));
    assertEquals(List.of("Dana Learner", "Ian Instructor", "Lee Student", "Kim Newcomer", "Ola Former"), names);
    List<String> learners = new ArrayList<>();
    roster.path("members").forEach(m -> {
      if (m.path("learner").asBoolean()) {
        learners.add(m.path("userId").asText());
      }
    });
    assertEquals(List.of("demo-learner-1", "demo-learner-2", "demo-learner-3"), learners,
        "the instructor and the inactive learner are not learners to audit");
    assertFalse(answer.body().contains("@demo-lms.example") || answer.body().contains("learner-0001"),
        "neither e-mail nor SIS id leaves Cairn: " + answer.body());
    assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void aLearnerPickedFromTheRosterComesWithWhatTheSisSaysTheyPassed() {
    String cookie = launch(platform(), "instructor");
    JsonNode dana = documented(get("/lti/members/demo-learner-1", cookie), "/lti/members/{userId}");
    assertEquals("Dana Learner", dana.at("/member/name").asText());
    List<String> held = new ArrayList<>();
    dana.path("holdings").forEach(h -> held.add(h.at("/credential/id").asText()));
    assertEquals(List.of("nb-mc-applied-statistics", "nb-mc-data-mining"), held);

    JsonNode kim = TestServer.okJson(get("/lti/members/demo-learner-3", cookie));
    assertEquals(0, kim.path("holdings").size());
    assertTrue(kim.path("sisNote").asText().contains("no SIS id"), kim.toString());

    JsonNode stranger = problem(get("/lti/members/someone-else", cookie), 404);
    assertTrue(stranger.path("detail").asText().contains("someone-else"), stranger.toString());
  }

  @Test
  void aLearnersLaunchOrNoLaunchIsNotShownTheRoster() {
    DemoPlatform platform = platform();
    JsonNode learner = problem(get("/lti/members", launch(platform, "learner")), 403);
    assertTrue(learner.path("detail").asText().contains("instructor's or advisor's launch"), learner.toString());
    JsonNode none = problem(get("/lti/members", null), 401);
    assertTrue(none.path("detail").asText().contains("open Cairn from the LMS"), none.toString());
  }

  @Test
  void anLmsThatOffersNoRosterIsSaidSo() {
    JsonNode body = problem(get("/lti/members", launch(platform(Optional.empty()), "instructor")), 409);
    assertTrue(body.path("detail").asText().contains("Names and Role Provisioning"), body.toString());
  }

  @Test
  void aTokenTheLmsRefusesIsSaidSo() {
    // the LMS was given the wrong key set for Cairn (here: another platform's), so Cairn's assertion does not verify
    try (TestPlatform other = TestPlatform.start()) {
      DemoPlatform platform = platform(Optional.of(URI.create(other.jwksUrl())));
      JsonNode body = problem(get("/lti/members", launch(platform, "instructor")), 502);
      assertTrue(body.path("detail").asText().contains("refused Cairn an access token")
          && body.path("detail").asText().contains("invalid_client"), body.toString());
    }
  }

  @Test
  void anLmsThatIsDownIsSaidSo() {
    DemoPlatform platform = platform();
    String cookie = launch(platform, "instructor");
    platform.close();
    JsonNode body = problem(get("/lti/members", cookie), 502);
    assertTrue(body.path("detail").asText().contains("cannot be reached"), body.toString());
  }
}
