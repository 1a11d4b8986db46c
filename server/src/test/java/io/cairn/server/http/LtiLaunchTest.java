package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.cairn.server.lti.LtiTool;
import io.cairn.server.lti.Platforms;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LTI 1.3 launches over the real server, with the LMS played by {@link TestPlatform}: login initiation, the
 * platform's signed id_token posted to the launch, the screen for the role; and a table of broken launches, each
 * refused with a problem that says what is wrong and without a session.
 */
class LtiLaunchTest {
  private static final String ADMIN = "lti-test-admin-token-0123456789";
  private static TestPlatform platform;
  private static TestServer server;

  @BeforeAll
  static void start() {
    platform = TestPlatform.start();
    server = TestServer.startWith(new InstitutionSystems(new LtiTool(Platforms.none(), Clock.systemUTC()),
        Optional.empty(), Optional.empty(), Optional.empty()), ADMIN);
    HttpResponse<String> registered = server.post("/api/lti/platforms",
        platform.registration().getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
        "Authorization", "Bearer " + ADMIN);
    assertEquals(201, registered.statusCode(), registered.body());
  }

  @AfterAll
  static void stop() {
    server.close();
    platform.close();
  }

  /** A login initiation as the platform sends it; returns the authorization request Cairn redirects to. */
  private static Map<String, String> login() {
    HttpResponse<String> r = server.get("/lti/login?iss=" + enc(platform.issuer()) + "&login_hint=user-17"
        + "&target_link_uri=" + enc(target()) + "&client_id=" + TestPlatform.CLIENT_ID
        + "&lti_message_hint=opaque-hint");
    assertEquals(302, r.statusCode(), r.body());
    String location = r.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(platform.authEndpoint() + "?"), location);
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  private static String target() {
    return server.base() + "/lti/launch";
  }

  private static HttpResponse<String> launch(String idToken, String state) {
    String form = "id_token=" + enc(idToken) + "&state=" + enc(state);
    return server.post("/lti/launch", "application/x-www-form-urlencoded", form);
  }

  @Test
  void loginRedirectsToThePlatformWithAFreshStateAndNonce() {
    Map<String, String> first = login();
    Map<String, String> second = login();
    assertEquals("openid", first.get("scope"));
    assertEquals("id_token", first.get("response_type"));
    assertEquals("form_post", first.get("response_mode"));
    assertEquals("none", first.get("prompt"));
    assertEquals(TestPlatform.CLIENT_ID, first.get("client_id"));
    assertEquals(target(), first.get("redirect_uri"));
    assertEquals("user-17", first.get("login_hint"));
    assertEquals("opaque-hint", first.get("lti_message_hint"));
    assertTrue(first.get("state").length() >= 32 && first.get("nonce").length() >= 32, first.toString());
    assertFalse(first.get("state").equals(second.get("state")) || first.get("nonce").equals(second.get("nonce")));
  }

  @Test
  void aLearnerLandsOnTheirScreenWithTheCoursePathway() {
    Map<String, String> auth = login();
    HttpResponse<String> r = launch(platform.sign(platform.launchClaims(auth.get("nonce"), target(),
        TestPlatform.LEARNER).build()), auth.get("state"));
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("/?screen=learner&goalType=pathway&pathway=data-analytics&name=Ms+Jane+Marie+Doe",
        r.headers().firstValue("Location").orElseThrow());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    for (String attribute : List.of("HttpOnly", "Secure", "SameSite=None", "Partitioned", "Max-Age=900")) {
      assertTrue(cookie.contains(attribute), cookie);
    }
    HttpResponse<String> sessionResponse = server.send(java.net.http.HttpRequest.newBuilder(
        server.base().resolve("/lti/session")).header("Cookie", cookie.split(";", 2)[0]).GET());
    OpenApiContract.load().assertResponseMatches("/lti/session", "get", sessionResponse);
    JsonNode session = TestServer.okJson(sessionResponse);
    assertEquals("learner", session.get("role").asText());
    assertEquals("course-ds-101", session.get("context").asText());
    assertEquals("data-analytics", session.get("pathway").asText());
  }

  @Test
  void anInstructorLandsOnTheAdvisorScreenForThePathwayTheCustomParameterNames() {
    Map<String, String> auth = login();
    HttpResponse<String> r = launch(platform.sign(platform.launchClaims(auth.get("nonce"), target(),
        TestPlatform.INSTRUCTOR).claim("https://purl.imsglobal.org/spec/lti/claim/custom",
        Map.of("pathway", "ict-project-management")).build()), auth.get("state"));
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("/?screen=advisor&pathway=ict-project-management&name=Ms+Jane+Marie+Doe",
        r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aStateServesOneLaunchAndAReplayedTokenIsRefused() {
    Map<String, String> auth = login();
    String token = platform.sign(platform.launchClaims(auth.get("nonce"), target(), TestPlatform.LEARNER).build());
    assertEquals(303, launch(token, auth.get("state")).statusCode());
    assertRefused(launch(token, auth.get("state")), 401, "state is not one Cairn gave");
    assertRefused(launch(token, login().get("state")), 401, "nonce was used by an earlier launch");
  }

  /** How each broken launch is made from a fresh login's nonce, and what Cairn must answer. */
  static Stream<Arguments> brokenLaunches() {
    RSAKey stranger = TestPlatform.newKey("platform-key-1");
    return Stream.of(
        broken("signed by another key", n -> TestPlatform.sign(claims(n).build(), stranger, h -> h), 401,
            "signature does not match"),
        broken("wrong audience", n -> platform.sign(claims(n).audience("someone-else").build()), 401,
            "does not include Cairn's client id"),
        broken("wrong azp", n -> platform.sign(claims(n).claim("azp", "someone-else").build()), 401, "azp"),
        broken("expired", n -> platform.sign(claims(n).issueTime(ago(900)).expirationTime(ago(600)).build()), 401,
            "expired"),
        broken("issued in the future", n -> platform.sign(claims(n).issueTime(Date.from(Instant.now()
            .plusSeconds(600))).build()), 401, "issued in the future"),
        broken("nonce of another login", n -> platform.sign(claims("not-" + n).build()), 401,
            "not the one Cairn gave this login"),
        broken("unknown deployment", n -> platform.sign(claims(n).claim(
            "https://purl.imsglobal.org/spec/lti/claim/deployment_id", "2:unregistered").build()), 403,
            "deployment '2:unregistered' is not registered"),
        broken("wrong message type", n -> platform.sign(claims(n).claim(
            "https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest").build()), 403,
            "message type is 'LtiDeepLinkingRequest'"),
        broken("wrong version", n -> platform.sign(claims(n).claim(
            "https://purl.imsglobal.org/spec/lti/claim/version", "1.1").build()), 403, "LTI version is '1.1'"),
        broken("target link elsewhere", n -> platform.sign(claims(n).claim(
            "https://purl.imsglobal.org/spec/lti/claim/target_link_uri", "https://evil.example/lti").build()), 403,
            "is not on this Cairn"),
        broken("no role Cairn serves", n -> platform.sign(claims(n).claim(
            "https://purl.imsglobal.org/spec/lti/claim/roles",
            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Member")).build()), 403,
            "none of the roles"),
        broken("unknown key id", n -> TestPlatform.sign(claims(n).build(), platform.key(),
            h -> h.keyID("platform-key-9")), 401, "platform-key-9, which is not among the keys"),
        broken("alg none", n -> unsigned(claims(n).build()), 401, "unsigned (alg none)"),
        broken("issued by another platform", n -> platform.sign(claims(n).issuer("https://other.example")
            .build()), 401, "is not the platform the login began with"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenLaunches")
  void aBrokenLaunchIsRefusedWithWhatIsWrong(String name, Function<String, String> token, int status,
      String detail) {
    Map<String, String> auth = login();
    assertRefused(launch(token.apply(auth.get("nonce")), auth.get("state")), status, detail);
  }

  @Test
  void theFormOfTheLaunchIsChecked() {
    assertRefused(launch("", login().get("state")), 400, "needs the platform's id_token");
    assertRefused(launch("not.a.jwt", login().get("state")), 401, "not a JWT");
    assertRefused(server.get("/lti/login?iss=" + enc("https://unknown.example") + "&login_hint=x&target_link_uri="
        + enc(target())), 403, "no LTI platform with the issuer https://unknown.example");
  }

  @Test
  void onlyTheRegisteredPlatformsMayFrameThePageAndTheLaunch() {
    HttpResponse<String> page = server.get("/");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("frame-ancestors 'self' " + platform.issuer()), csp);
    assertTrue(page.headers().firstValue("X-Frame-Options").isEmpty(), page.headers().toString());
    HttpResponse<String> api = server.get("/api/about");
    assertTrue(api.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
    assertEquals("DENY", api.headers().firstValue("X-Frame-Options").orElseThrow());
  }

  @Test
  void registeringNeedsTheAdminTokenAndAddsKeysAndDeploymentsWithoutRemovingAny() throws Exception {
    assertRefused(server.post("/api/lti/platforms", platform.registration().getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/json"), 401, "Authorization: Bearer");
    RSAKey next = TestPlatform.newKey("platform-key-2");
    String rotation = "{\"issuer\":\"" + platform.issuer() + "\",\"clientId\":\"" + TestPlatform.CLIENT_ID
        + "\",\"authEndpoint\":\"" + platform.authEndpoint() + "\",\"keys\":" + new JWKSet(next.toPublicJWK())
        + ",\"deployments\":[\"3:added\"]}";
    HttpResponse<String> added = server.post("/api/lti/platforms", rotation.getBytes(StandardCharsets.UTF_8),
        "Content-Type", "application/json", "Authorization", "Bearer " + ADMIN);
    OpenApiContract.load().assertResponseMatches("/api/lti/platforms", "post", added);
    JsonNode now = TestServer.okJson(added);
    assertEquals(List.of(TestPlatform.DEPLOYMENT, "3:added"), TestServer.JSON.convertValue(now.get("deployments"),
        List.class));
    assertEquals(List.of(platform.jwksUrl()), TestServer.JSON.convertValue(now.get("jwks"), List.class));
    // the new key launches from the new deployment, and the old key still launches
    Map<String, String> auth = login();
    assertEquals(303, launch(TestPlatform.sign(claims(auth.get("nonce")).claim(
        "https://purl.imsglobal.org/spec/lti/claim/deployment_id", "3:added").build(), next, h -> h),
        auth.get("state")).statusCode());
    Map<String, String> again = login();
    assertEquals(303, launch(platform.sign(claims(again.get("nonce")).build()), again.get("state")).statusCode());
  }

  private static void assertRefused(HttpResponse<String> r, int status, String detail) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/problem+json", TestServer.mediaType(r));
    JsonNode problem = TestServer.json(r.body());
    assertTrue(problem.get("detail").asText().contains(detail), () -> "expected '" + detail + "' in " + r.body());
    assertTrue(r.headers().firstValue("Set-Cookie").isEmpty(), "a refused launch opens no session");
  }

  private static Arguments broken(String name, Function<String, String> token, int status, String detail) {
    return Arguments.of(name, token, status, detail);
  }

  private static JWTClaimsSet.Builder claims(String nonce) {
    return platform.launchClaims(nonce, target(), TestPlatform.LEARNER);
  }

  private static Date ago(long seconds) {
    return Date.from(Instant.now().minusSeconds(seconds));
  }

  private static String unsigned(JWTClaimsSet claims) {
    return Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(claims.toString()) + ".";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
