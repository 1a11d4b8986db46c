package io.cairn.server.lti;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tiny LMS for trying Cairn's LTI 1.3 launch in a browser without Canvas or Moodle: it generates its RSA key at
 * start, serves its JWK Set ({@code /jwks}), a course page ({@code /}) with "Launch as learner" and "Launch as
 * instructor" buttons that open Cairn in an iframe, and the OIDC authorization endpoint ({@code /auth}) that answers
 * Cairn's login redirect with a signed {@code id_token} posted into that iframe (LTI 1.3 Core section 5, 1EdTech
 * Security Framework 5.1.1). It holds no user store: the learner is whoever presses the button, sent with the LIS
 * person sourcedId given at start, so that Cairn reads their holdings from its SIS. Its launches offer the course's
 * roster (LTI Names and Role Provisioning Services 2.0, {@link DemoRoster}): a token endpoint ({@code /token}) and
 * the membership container ({@code /memberships}). For trying only.
 */
public final class DemoPlatform implements AutoCloseable {
  public static final String CLIENT_ID = "cairn-demo";
  public static final String DEPLOYMENT = "demo-deployment-1";
  public static final String COURSE = "demo-course-ds101";
  private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final RSAKey key;
  private final String issuer;
  private final URI cairn;
  private final String learner;
  private final String pathway;
  private final java.util.Optional<DemoRoster> roster;

  private DemoPlatform(HttpServer server, RSAKey key, String issuer, URI cairn, String learner, String pathway,
      java.util.Optional<DemoRoster> roster) {
    this.server = server;
    this.key = key;
    this.issuer = issuer;
    this.cairn = cairn;
    this.learner = learner;
    this.pathway = pathway;
    this.roster = roster;
  }

  /**
   * Starts the platform on {@code host:port} of the loopback interface (port 0 picks a free one).
   *
   * @param host the host name the browser reaches it by, part of its issuer ({@code localhost} or {@code 127.0.0.1})
   * @param cairn where Cairn is ({@code http://localhost:8080})
   * @param learner the LIS person sourcedId of the learner it launches (their OneRoster id in Cairn's SIS)
   * @param pathway the Cairn pathway the course is about (sent as the custom parameter {@code pathway})
   */
  public static DemoPlatform start(String host, int port, URI cairn, String learner, String pathway) {
    return start(host, port, cairn, learner, pathway, java.util.Optional.of(URI.create(
        cairn.toString().replaceAll("/+$", "") + "/lti/jwks")));
  }

  /**
   * As {@link #start(String, int, URI, String, String)}, with the tool's keys for the course roster read from
   * {@code toolJwks} (as the LMS administrator entered Cairn's JWKS URL); with none, the LMS does not offer the
   * roster (its launches carry no Names and Role Provisioning claim).
   */
  public static DemoPlatform start(String host, int port, URI cairn, String learner, String pathway,
      java.util.Optional<URI> toolJwks) {
    try {
      RSAKey key = new RSAKeyGenerator(2048).keyID("demo-" + UUID.randomUUID().toString().substring(0, 8))
          .generate();
      HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 0);
      String issuer = "http://" + host + ":" + server.getAddress().getPort();
      String base = cairn.toString().replaceAll("/+$", "");
      java.util.Optional<DemoRoster> roster = toolJwks.map(jwks -> new DemoRoster(issuer, CLIENT_ID, jwks, COURSE,
          learner));
      DemoPlatform platform = new DemoPlatform(server, key, issuer, URI.create(base), learner, pathway, roster);
      roster.ifPresent(r -> {
        server.createContext("/token", r::token);
        server.createContext("/memberships", r::memberships);
      });
      server.createContext("/jwks", exchange -> platform.answer(exchange, 200, "application/json",
          new JWKSet(key.toPublicJWK()).toString()));
      server.createContext("/auth", platform::authorize);
      server.createContext("/", exchange -> {
        if (!exchange.getRequestURI().getPath().equals("/")) {
          platform.answer(exchange, 404, "text/plain; charset=utf-8", "not found");
        } else {
          platform.answer(exchange, 200, "text/html; charset=utf-8", platform.coursePageHtml());
        }
      });
      server.start();
      return platform;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the platform's RSA key", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  /** The course page, with the launch buttons and the iframe Cairn opens in. */
  public URI coursePage() {
    return URI.create(issuer + "/");
  }

  /** The registration an operator gives Cairn for this platform ({@code POST /api/lti/platforms}), as JSON. */
  public String registration() {
    ObjectNode body = JSON.createObjectNode();
    body.put("issuer", issuer).put("clientId", CLIENT_ID).put("authEndpoint", issuer + "/auth");
    body.putArray("jwks").add(issuer + "/jwks");
    body.putArray("deployments").add(DEPLOYMENT);
    body.putObject("courses").put(COURSE, pathway);
    roster.ifPresent(r -> body.put("tokenEndpoint", r.tokenEndpoint()));
    return body.toString();
  }

  private String coursePageHtml() {
    String login = cairn + "/lti/login";
    StringBuilder forms = new StringBuilder();
    for (String who : List.of("learner", "instructor")) {
      forms.append("<form method=\"post\" action=\"").append(html(login)).append("\" target=\"cairn\">")
          .append(hidden("iss", issuer)).append(hidden("login_hint", who))
          .append(hidden("target_link_uri", cairn + "/lti/launch")).append(hidden("client_id", CLIENT_ID))
          .append(hidden("lti_deployment_id", DEPLOYMENT))
          .append("<button type=\"submit\" id=\"launch-").append(who).append("\">Launch as ").append(who)
          .append("</button></form>\n");
    }
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Demo LMS: Data analytics 101</title>
        <style>body{font-family:sans-serif;margin:1rem}form{display:inline-block;margin-right:.5rem}
        iframe{display:block;width:100%%;height:80vh;border:1px solid #999;margin-top:1rem}</style></head>
        <body><h1>Demo LMS: Data analytics 101</h1>
        <p>A stand-in for Canvas or Moodle (issuer %s). The learner it launches has the SIS id %s.</p>
        %s<iframe name="cairn" id="cairn-frame" title="Cairn"></iframe>
        </body></html>
        """.formatted(html(issuer), html(learner), forms);
  }

  /** The OIDC authorization endpoint: Cairn's login redirect arrives here; the id_token goes back in a form post. */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    String redirect = q.getOrDefault("redirect_uri", "");
    String problem = !CLIENT_ID.equals(q.get("client_id")) ? "client_id is not " + CLIENT_ID
        : !redirect.equals(cairn + "/lti/launch") ? "redirect_uri is not " + cairn + "/lti/launch"
        : !"id_token".equals(q.get("response_type")) || !"form_post".equals(q.get("response_mode"))
            ? "Cairn must ask for an id_token by form_post"
        : q.get("nonce") == null || q.get("state") == null ? "nonce and state are missing"
        : !List.of("learner", "instructor").contains(q.get("login_hint")) ? "login_hint is not learner or instructor"
        : null;
    if (problem != null) {
      answer(exchange, 400, "text/plain; charset=utf-8", "The demo platform refuses this authorization request: "
          + problem);
      return;
    }
    String token = sign(claims(q.get("nonce"), q.get("login_hint").equals("learner")));
    answer(exchange, 200, "text/html; charset=utf-8", """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Launching Cairn</title></head>
        <body onload="document.forms[0].submit()"><form method="post" action="%s">%s%s
        <noscript><button type="submit">Continue to Cairn</button></noscript></form></body></html>
        """.formatted(html(redirect), hidden("id_token", token), hidden("state", q.get("state"))));
  }

  private JWTClaimsSet claims(String nonce, boolean asLearner) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(issuer).audience(CLIENT_ID).claim("azp", CLIENT_ID).claim("nonce", nonce)
        .subject(asLearner ? "demo-learner-1" : "demo-instructor-1")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
        .claim("name", asLearner ? "Dana Learner" : "Ian Instructor")
        .claim(LTI + "message_type", "LtiResourceLinkRequest").claim(LTI + "version", "1.3.0")
        .claim(LTI + "deployment_id", DEPLOYMENT).claim(LTI + "target_link_uri", cairn + "/lti/launch")
        .claim(LTI + "resource_link", Map.of("id", "demo-link-1", "title", "Plan your next credential"))
        .claim(LTI + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#"
            + (asLearner ? "Learner" : "Instructor")))
        .claim(LTI + "context", Map.of("id", COURSE, "label", "DS101", "title", "Data analytics 101"))
        .claim(LTI + "custom", Map.of("pathway", pathway))
        .claim(LTI + "lis", asLearner ? Map.of("person_sourcedid", learner) : Map.of());
    roster.ifPresent(r -> claims.claim(LtiClaims.NRPS_CLAIM, r.claim()));
    return claims.build();
  }

  private String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
          .type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the id_token", e);
    }
  }

  private void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
    DemoRoster.answer(exchange, status, type, body, Map.of());
  }

  private static Map<String, String> query(String raw) {
    return DemoRoster.form(raw);
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + html(name) + "\" value=\"" + html(value) + "\">";
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
