package io.cairn.server.http;

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
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An LMS played in the test: it generates its RSA key with Nimbus, serves its JWK Set over real HTTP, and signs
 * id_tokens with the claims of LTI 1.3 Core section 5.3 (a resource link launch), as Canvas or Moodle would.
 */
final class TestPlatform implements AutoCloseable {
  static final String CLIENT_ID = "cairn-client-42";
  static final String DEPLOYMENT = "1:8865aa05b4b79b64a91a86042e43af5ea8ae79eb";
  static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
  static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
  private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

  private final HttpServer server;
  private final RSAKey key;
  private final String issuer;

  private TestPlatform(HttpServer server, RSAKey key) {
    this.server = server;
    this.key = key;
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static TestPlatform start() {
    try {
      RSAKey key = newKey("platform-key-1");
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      TestPlatform platform = new TestPlatform(server, key);
      server.createContext("/jwks", exchange -> {
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
      return platform;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String issuer() {
    return issuer;
  }

  String authEndpoint() {
    return issuer + "/auth";
  }

  String jwksUrl() {
    return issuer + "/jwks";
  }

  /** The registration an operator would write for this platform, as JSON. */
  String registration() {
    return "{\"issuer\":\"" + issuer + "\",\"clientId\":\"" + CLIENT_ID + "\",\"authEndpoint\":\"" + authEndpoint()
        + "\",\"jwks\":[\"" + jwksUrl() + "\"],\"deployments\":[\"" + DEPLOYMENT + "\"],"
        + "\"courses\":{\"course-ds-101\":\"data-analytics\"}}";
  }

  /** The claims of a resource link launch for {@code nonce}, from a course, in {@code role}. */
  JWTClaimsSet.Builder launchClaims(String nonce, String targetLinkUri, String role) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer).audience(CLIENT_ID).subject("a6d5c443-1f51-4783-ba1a-7686ffe3b54a")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
        .claim("azp", CLIENT_ID).claim("nonce", nonce).claim("name", "Ms Jane Marie Doe")
        .claim("given_name", "Jane").claim("family_name", "Doe")
        .claim(LTI + "message_type", "LtiResourceLinkRequest").claim(LTI + "version", "1.3.0")
        .claim(LTI + "deployment_id", DEPLOYMENT).claim(LTI + "target_link_uri", targetLinkUri)
        .claim(LTI + "resource_link", Map.of("id", "200d101f-2c14-434a-a0f3-57c2a42369fd",
            "title", "Plan your next credential"))
        .claim(LTI + "roles", List.of(role))
        .claim(LTI + "context", Map.of("id", "course-ds-101", "label", "DS101", "title", "Data analytics 101",
            "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")))
        .claim(LTI + "lis", Map.of("person_sourcedid", "learner-0001", "course_section_sourcedid", "ds-101-a"));
  }

  String sign(JWTClaimsSet claims) {
    return sign(claims, key, UnaryOperator.identity());
  }

  static String sign(JWTClaimsSet claims, RSAKey with, UnaryOperator<JWSHeader.Builder> header) {
    try {
      SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
          .type(JOSEObjectType.JWT)).build(), claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  RSAKey key() {
    return key;
  }

  URI base() {
    return URI.create(issuer);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
