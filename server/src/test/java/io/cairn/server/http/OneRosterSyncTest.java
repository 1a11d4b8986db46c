package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.interop.oneroster.SisMapping;
import io.cairn.server.lti.LtiTool;
import io.cairn.server.lti.Platforms;
import io.cairn.server.sis.OneRosterClient;
import io.cairn.server.sis.Sis;
import io.cairn.server.sis.SisException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holdings from a student information system over OneRoster 1.2 REST, played by {@link TestOneRoster}: the client
 * credentials token, paged enrollments and results, classes, courses and line items, mapped by the operator's rule;
 * the holdings each say they came from the SIS, a learner's LTI launch carries them to their screen, and the audit
 * counts them.
 */
class OneRosterSyncTest {
  private static final String ADMIN = "sis-test-admin-token-0123456789";
  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static TestOneRoster sis;
  private static TestPlatform platform;
  private static TestServer server;

  static SisMapping mapping() {
    return new SisMapping(List.of(
        new SisMapping.CourseRule("", "STAT-210", "nb-mc-applied-statistics", null, List.of()),
        new SisMapping.CourseRule("crs-mine", "", "nb-mc-data-mining", null, List.of()),
        new SisMapping.CourseRule("", "BD-310", "nb-mc-big-data-platforms", null, List.of())), Optional.of(50.0));
  }

  /** A client of the test SIS reading two objects a page, so that paging is exercised. */
  static OneRosterClient client(String tokenPath, String secret) {
    return new OneRosterClient(sis.base(), sis.base().resolve(tokenPath), TestOneRoster.CLIENT_ID, secret, 2);
  }

  private static io.cairn.interop.ob3.BadgeIssuer badgeIssuer() {
    try {
      return new io.cairn.interop.ob3.BadgeIssuer(new com.nimbusds.jose.jwk.gen.ECKeyGenerator(
          com.nimbusds.jose.jwk.Curve.P_256).keyID("northbridge-badges-1").generate(), "", "Northbridge University",
          Clock.systemUTC());
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void start() {
    sis = TestOneRoster.start();
    platform = TestPlatform.start();
    Platforms platforms = Platforms.none();
    platforms.register(Platforms.fromRequest(TestServer.JSON.convertValue(TestServer.json(platform.registration()),
        Platforms.PlatformBody.class)));
    server = TestServer.startWith(new InstitutionSystems(new LtiTool(platforms, Clock.systemUTC()), Optional.empty(),
        Optional.of(new Sis(client("/token", TestOneRoster.SECRET), mapping())), Optional.of(badgeIssuer())), ADMIN);
  }

  @AfterAll
  static void stop() {
    server.close();
    platform.close();
    sis.close();
  }

  private static HttpResponse<String> holdings(String learner, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve("/api/sis/holdings?learner="
        + learner)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return server.send(request);
  }

  @Test
  void passedCoursesAreHoldingsThatSayTheyCameFromTheSis() {
    HttpResponse<String> response = holdings("learner-0001", ADMIN);
    CONTRACT.assertResponseMatches("/api/sis/holdings", "get", response);
    JsonNode body = TestServer.okJson(response);
    assertEquals(List.of("nb-mc-applied-statistics", "nb-mc-data-mining"),
        TestServer.texts(body.get("holdings").findValues("credential").stream().collect(
            TestServer.JSON::createArrayNode, com.fasterxml.jackson.databind.node.ArrayNode::add, (a, b) -> { }),
            "id"));
    body.get("holdings").forEach(h -> assertEquals("SIS", h.get("source").asText()));
    assertEquals(72.0, body.get("holdings").get(0).get("result").get("score").asDouble());
    assertEquals("Applied statistics", body.get("holdings").get(0).get("course").get("title").asText());
    List<String> reasons = new java.util.ArrayList<>();
    body.get("notCounted").forEach(n -> reasons.add(n.get("course").get("courseCode").asText() + ": "
        + n.get("reason").asText()));
    assertEquals(List.of("BD-310: no fully graded result meets the rule (score at least 50); results: 90.0 "
        + "(partially graded)", "ART-101: no mapping names this course (ART-101, crs-art)"), reasons);
    // four enrollments at two a page: two pages; the result without a class was placed through its line item
    assertTrue(sis.requests.contains("/ims/oneroster/rostering/v1p2/enrollments@2"), sis.requests.toString());
    assertTrue(sis.requests.contains("/ims/oneroster/gradebook/v1p2/lineItems/li-bigd-final"), sis.requests.toString());
    assertTrue(sis.grantedScope.contains("https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly")
        && sis.grantedScope.contains("https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly"),
        sis.grantedScope);
  }

  @Test
  void aLearnersRecordNeedsTheAdminToken() {
    HttpResponse<String> r = holdings("learner-0001", null);
    assertEquals(401, r.statusCode());
    assertEquals("application/problem+json", TestServer.mediaType(r));
  }

  @Test
  void aSisThatRefusesCairnIsAClearError() {
    SisException badSecret = assertThrows(SisException.class, () -> client("/token", "wrong").roster("learner-0001"));
    assertTrue(badSecret.getMessage().contains("refused Cairn's client credentials (401)"), badSecret.getMessage());
    SisException badToken = assertThrows(SisException.class,
        () -> client("/elsewhere/token", TestOneRoster.SECRET).roster("learner-0001"));
    assertTrue(badToken.getMessage().startsWith("the SIS refused Cairn's access token for "
        + "/ims/oneroster/rostering/v1p2/enrollments (401)"), badToken.getMessage());
  }

  @Test
  void aLearnersLaunchCarriesTheirSisHoldingsAndTheAuditCountsThem() {
    HttpResponse<String> login = server.get("/lti/login?iss=" + enc(platform.issuer()) + "&login_hint=u&"
        + "target_link_uri=" + enc(server.base() + "/lti/launch"));
    String location = login.headers().firstValue("Location").orElseThrow();
    java.util.Map<String, String> q = new java.util.HashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    String token = platform.sign(platform.launchClaims(q.get("nonce"), server.base() + "/lti/launch",
        TestPlatform.LEARNER).build());
    HttpResponse<String> launched = server.post("/lti/launch", "application/x-www-form-urlencoded",
        "id_token=" + enc(token) + "&state=" + enc(q.get("state")));
    assertEquals(303, launched.statusCode(), launched.body());
    String screen = launched.headers().firstValue("Location").orElseThrow();
    // the address names no holding (it may be bookmarked or shared): the page reads them from the launch session,
    // each with its source
    assertFalse(screen.contains("credential="), screen);
    assertTrue(screen.contains("&lti=1"), screen);
    String cookie = launched.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    HttpResponse<String> sessionResponse = server.send(HttpRequest.newBuilder(server.base().resolve("/lti/session"))
        .header("Cookie", cookie).GET());
    CONTRACT.assertResponseMatches("/lti/session", "get", sessionResponse);
    JsonNode session = TestServer.okJson(sessionResponse);
    assertEquals(List.of("nb-mc-applied-statistics", "nb-mc-data-mining"), TestServer.texts(
        TestServer.JSON.valueToTree(session.get("holdings").findValues("credential")), "id"));
    session.get("holdings").forEach(h -> assertEquals("SIS", h.get("source").asText(), h.toString()));

    String empty = "{\"learner\": {\"credentials\": []}, \"pathway\": \"data-analytics\"}";
    String fromSis = "{\"learner\": {\"credentials\": [\"nb-mc-applied-statistics\", \"nb-mc-data-mining\"]},"
        + " \"pathway\": \"data-analytics\"}";
    assertEquals("missing", TestServer.okJson(server.postJson("/api/audits", empty)).get("audit").get("status")
        .asText());
    JsonNode audit = TestServer.okJson(server.postJson("/api/audits", fromSis));
    assertEquals("partial", audit.get("audit").get("status").asText());
  }

  @Test
  void passedCoursesGoBackOutAsBadgesThatCairnsVerifierAccepts() {
    HttpResponse<String> r = server.post("/api/badges", "{\"learner\": \"learner-0001\"}"
        .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json", "Authorization", "Bearer " + ADMIN);
    CONTRACT.assertResponseMatches("/api/badges", "post", r);
    JsonNode body = TestServer.okJson(r);
    assertTrue(body.get("issuer").asText().startsWith("did:jwk:"), body.toString());
    List<String> badges = new java.util.ArrayList<>();
    body.get("badges").forEach(b -> badges.add(b.get("badge").asText()));
    assertEquals(List.of("nb-mc-applied-statistics", "nb-mc-data-mining"), TestServer.texts(
        TestServer.JSON.valueToTree(body.get("badges").findValues("credential")), "id"));
    // the learner carries the badges elsewhere and presents them back: verified, they count in the audit
    String presented = "{\"learner\": {\"presented\": " + TestServer.JSON.valueToTree(badges)
        + "}, \"pathway\": \"data-analytics\"}";
    JsonNode audit = TestServer.okJson(server.postJson("/api/audits", presented));
    assertEquals(2, audit.get("holdings").get("verified").size(), audit.get("holdings").toString());
    assertEquals(0, audit.get("holdings").get("refused").size(), audit.get("holdings").toString());
    assertEquals("partial", audit.get("audit").get("status").asText());
    HttpResponse<String> unauthorized = server.post("/api/badges", "{\"learner\": \"learner-0001\"}"
        .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
    assertEquals(401, unauthorized.statusCode());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
