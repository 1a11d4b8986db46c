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
    assertEquals("/?screen=learner&goalType=pathway&pathway=data-analytics&lti=1&name=Ms+Jane+Marie+Doe",
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
    assertEquals(0, session.get("holdings").size(), "no SIS here, so no holdings from one: " + session);
  }

  @Test
  void anInstructorLandsOnTheAdvisorScreenForThePathwayTheCustomParameterNames() {
    Map<String, String> auth = login();
    HttpResponse<String> r = launch(platform.sign(platform.launchClaims(auth.get("nonce"), target(),
        TestPlatform.INSTRUCTOR).claim("https://purl.imsglobal.org/spec/lti/claim/custom",
        Map.of("pathway", "ict-project-management")).build()), auth.get("state"));
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("/?screen=advisor&pathway=ict-project-management&lti=1&name=Ms+Jane+Marie+Doe",
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
            "https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiSubmissionReviewRequest").build()), 403,
            "message type is 'LtiSubmissionReviewRequest'"),
        broken("deep linking as a learner", n -> platform.sign(deepLinkingClaims(n, TestPlatform.LEARNER,
            Map.of("deep_link_return_url", "https://lms.example/return", "accept_types", List.of("ltiResourceLink")))
            .build()), 403, "only its instructors"),
        broken("deep linking without a return URL", n -> platform.sign(deepLinkingClaims(n, TestPlatform.INSTRUCTOR,
            Map.of("accept_types", List.of("ltiResourceLink"))).build()), 403, "no deep_link_return_url"),
        broken("deep linking that takes no resource links", n -> platform.sign(deepLinkingClaims(n,
            TestPlatform.INSTRUCTOR, Map.of("deep_link_return_url", "https://lms.example/return", "accept_types",
            List.of("file"))).build()), 403, "do not include ltiResourceLink"),
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

  /** An instructor's (or another role's) Deep Linking request with {@code settings}. */
  private static JWTClaimsSet.Builder deepLinkingClaims(String nonce, String role, Map<String, Object> settings) {
    return platform.launchClaims(nonce, target(), role)
        .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
        .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", null)
        .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", settings);
  }

  @Test
  void anInstructorsDeepLinkingRequestPlacesACairnPlanThatThePlatformCanVerify() throws Exception {
    Map<String, String> auth = login();
    String returnUrl = platform.issuer() + "/deep-link-return";
    HttpResponse<String> r = launch(platform.sign(deepLinkingClaims(auth.get("nonce"), TestPlatform.INSTRUCTOR,
        Map.of("deep_link_return_url", returnUrl, "accept_types", List.of("ltiResourceLink", "link"),
            "data", "opaque-42")).build()), auth.get("state"));
    assertEquals(303, r.statusCode(), r.body());
    assertEquals("/lti/deep-link", r.headers().firstValue("Location").orElseThrow());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

    HttpResponse<String> choose = server.send(java.net.http.HttpRequest.newBuilder(server.base().resolve(
        "/lti/deep-link")).header("Cookie", cookie).GET());
    OpenApiContract.load().assertResponseMatches("/lti/deep-link", "get", choose);
    assertTrue(choose.body().contains("<option value=\"data-analytics\" selected>"), choose.body());

    HttpResponse<String> unknown = place(cookie, "no-such-pathway");
    assertRefused(unknown, 400, "there is no pathway no-such-pathway");
    HttpResponse<String> placed = place(cookie, "ict-project-management");
    assertEquals(200, placed.statusCode(), placed.body());
    OpenApiContract.load().assertResponseMatches("/lti/deep-link", "post", placed);
    assertTrue(placed.headers().firstValue("Content-Security-Policy").orElseThrow()
        .contains("form-action 'self' " + platform.issuer()), placed.headers().toString());
    java.util.regex.Matcher form = java.util.regex.Pattern.compile(
        "<form method=\"post\" action=\"([^\"]+)\" id=\"deep-link-return\">\\s*<input type=\"hidden\" "
            + "name=\"JWT\" value=\"([^\"]+)\">").matcher(placed.body());
    assertTrue(form.find(), placed.body());
    assertEquals(returnUrl, form.group(1));

    // the platform's side: Cairn's key from its JWKS URL verifies the response, whose claims are Deep Linking 2.0's
    JWKSet keys = JWKSet.parse(TestServer.okJson(server.get("/lti/jwks")).toString());
    com.nimbusds.jwt.SignedJWT response = com.nimbusds.jwt.SignedJWT.parse(form.group(2));
    assertEquals(com.nimbusds.jose.JWSAlgorithm.RS256, response.getHeader().getAlgorithm());
    RSAKey cairnKey = keys.getKeyByKeyId(response.getHeader().getKeyID()).toRSAKey();
    assertTrue(response.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(cairnKey)));
    JWTClaimsSet claims = response.getJWTClaimsSet();
    assertEquals(TestPlatform.CLIENT_ID, claims.getIssuer());
    assertEquals(List.of(platform.issuer()), claims.getAudience());
    assertTrue(claims.getExpirationTime().toInstant().isAfter(Instant.now()));
    assertTrue(claims.getClaim("nonce") instanceof String n && !n.isBlank());
    assertEquals("LtiDeepLinkingResponse", claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"));
    assertEquals("1.3.0", claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/version"));
    assertEquals(TestPlatform.DEPLOYMENT, claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"));
    assertEquals("opaque-42", claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"));
    List<?> items = (List<?>) claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
    assertEquals(1, items.size(), items.toString());
    Map<?, ?> item = (Map<?, ?>) items.get(0);
    assertEquals("ltiResourceLink", item.get("type"));
    assertEquals(target(), item.get("url"));
    assertEquals(Map.of("pathway", "ict-project-management"), item.get("custom"));
    assertTrue(String.valueOf(item.get("title")).startsWith("Cairn plan: "), item.toString());

    // a resource link launch's session places nothing
    Map<String, String> other = login();
    String learnerCookie = launch(platform.sign(claims(other.get("nonce")).build()), other.get("state")).headers()
        .firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    assertRefused(place(learnerCookie, "data-analytics"), 403, "not a Deep Linking request");
  }

  private static HttpResponse<String> place(String cookie, String pathway) {
    return server.send(java.net.http.HttpRequest.newBuilder(server.base().resolve("/lti/deep-link"))
        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("pathway=" + enc(pathway))));
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
