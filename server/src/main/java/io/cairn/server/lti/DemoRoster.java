package io.cairn.server.lti;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo LMS's side of LTI Names and Role Provisioning Services 2.0: its OAuth 2.0 token endpoint
 * ({@code /token}), which grants an access token for a client assertion signed by the tool's key (checked with Nimbus
 * against the tool's JWKS, fetched from the URL the LMS was given, as an LMS does), and the course's membership
 * container ({@code /memberships}) in the specification's message shape, {@value #PAGE_SIZE} members a page with
 * {@code Link: rel="next"}. For trying only: tokens live in memory.
 */
final class DemoRoster {
  static final int PAGE_SIZE = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

  private final String issuer;
  private final String clientId;
  private final URI toolJwks;
  private final ObjectNode context;
  private final List<ObjectNode> members;
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final Set<String> assertionIds = ConcurrentHashMap.newKeySet();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param toolJwks where the LMS reads the tool's public keys (Cairn's {@code /lti/jwks})
   * @param learner the LIS person sourcedId of the course's first learner, the one the demo launches
   */
  DemoRoster(String issuer, String clientId, URI toolJwks, String courseId, String learner) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.toolJwks = toolJwks;
    this.context = JSON.createObjectNode().put("id", courseId).put("label", "DS101").put("title", "Data analytics 101");
    this.members = List.of(
        member("demo-learner-1", "Dana", "Learner", learner, "Active", "Learner"),
        member("demo-instructor-1", "Ian", "Instructor", null, "Active", "Instructor"),
        member("demo-learner-2", "Lee", "Student", "learner-0002", "Active", "Learner"),
        member("demo-learner-3", "Kim", "Newcomer", null, "Active", "Learner"),
        member("demo-learner-4", "Ola", "Former", "learner-0004", "Inactive", "Learner"));
  }

  private static ObjectNode member(String userId, String given, String family, String sourcedId, String status,
      String role) {
    ObjectNode m = JSON.createObjectNode().put("status", status).put("name", given + " " + family)
        .put("given_name", given).put("family_name", family)
        .put("email", given.toLowerCase(java.util.Locale.ROOT) + "@demo-lms.example").put("user_id", userId);
    if (sourcedId != null) {
      m.put("lis_person_sourcedid", sourcedId);
    }
    m.putArray("roles").add(MEMBERSHIP + role);
    return m;
  }

  /** The claim the launches carry: where the membership container is, and the service version. */
  Map<String, Object> claim() {
    return Map.of("context_memberships_url", issuer + "/memberships", "service_versions", List.of("2.0"));
  }

  String tokenEndpoint() {
    return issuer + "/token";
  }

  /** {@code POST /token}: the client-credentials grant with a JWT client assertion (RFC 7523). */
  void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String problem = !"POST".equals(exchange.getRequestMethod()) ? "the token endpoint takes POST"
        : !"client_credentials".equals(form.get("grant_type")) ? "grant_type must be client_credentials"
        : !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
            ? "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        : !LtiClaims.NRPS_SCOPE.equals(form.get("scope")) ? "this LMS grants the tool the scope "
            + LtiClaims.NRPS_SCOPE + " only"
        : null;
    if (problem != null) {
      error(exchange, 400, "invalid_request", problem);
      return;
    }
    String refused = refusal(form.getOrDefault("client_assertion", ""));
    if (refused != null) {
      error(exchange, 401, "invalid_client", refused);
      return;
    }
    String token = UUID.randomUUID().toString();
    tokens.add(token);
    ObjectNode body = JSON.createObjectNode().put("access_token", token).put("token_type", "Bearer")
        .put("expires_in", 3600).put("scope", LtiClaims.NRPS_SCOPE);
    answer(exchange, 200, "application/json", body.toString(), Map.of());
  }

  /** Why the client assertion is refused, or null: checked against the tool's JWKS as the LMS fetches it now. */
  private String refusal(String assertion) {
    JWKSet keys;
    try {
      HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(toolJwks).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      keys = JWKSet.parse(jwks.body());
    } catch (IOException | ParseException e) {
      return "the tool's JWKS at " + toolJwks + " cannot be read: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(tokenEndpoint(),
        new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).build(), Set.of("exp", "iat", "jti")));
    try {
      JWTClaimsSet claims = processor.process(assertion, null);
      return assertionIds.add(claims.getJWTID()) ? null : "the client assertion's jti was used before";
    } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
      return "the client assertion is not signed by the tool's key at " + toolJwks + " for " + clientId + ": "
          + e.getMessage();
    }
  }

  /** {@code GET /memberships?page=N}: a page of the membership container, for a token this LMS gave. */
  void memberships(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring("Bearer ".length()).trim())) {
      error(exchange, 401, "invalid_token", "send an access token from " + tokenEndpoint());
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    if (accept == null || !accept.contains(LtiClaims.NRPS_MEDIA_TYPE)) {
      error(exchange, 406, "not_acceptable", "ask for " + LtiClaims.NRPS_MEDIA_TYPE);
      return;
    }
    int page;
    try {
      page = Math.max(1, Integer.parseInt(form(exchange.getRequestURI().getRawQuery()).getOrDefault("page", "1")));
    } catch (NumberFormatException e) {
      page = 1;
    }
    ObjectNode container = JSON.createObjectNode().put("id", issuer + "/memberships");
    container.set("context", context);
    ArrayNode list = container.putArray("members");
    members.stream().skip((long) (page - 1) * PAGE_SIZE).limit(PAGE_SIZE).forEach(list::add);
    Map<String, String> headers = page * PAGE_SIZE < members.size()
        ? Map.of("Link", "<" + issuer + "/memberships?page=" + (page + 1) + ">; rel=\"next\"") : Map.of();
    answer(exchange, 200, LtiClaims.NRPS_MEDIA_TYPE, container.toString(), headers);
  }

  private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
    answer(exchange, status, "application/json", JSON.createObjectNode().put("error", error)
        .put("error_description", description).toString(), Map.of());
  }

  static void answer(HttpExchange exchange, int status, String type, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** The parameters of a query string or form body, decoded. */
  static Map<String, String> form(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null && !raw.isBlank()) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return q;
  }
}
