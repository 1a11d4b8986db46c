package io.cairn.server.lti;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The LTI platforms registered with this Cairn, from the operator's file and the admin endpoint; thread-safe.
 * Registering a platform already known (same issuer and client id) adds its new keys, deployments and course
 * mappings to it; nothing is ever removed while Cairn runs. A file looks like:
 *
 * <pre>{@code
 * {"platforms": [{"issuer": "https://canvas.example.edu", "clientId": "10000000000042",
 *   "authEndpoint": "https://canvas.example.edu/api/lti/authorize_redirect",
 *   "jwks": ["https://canvas.example.edu/api/lti/security/jwks", "old-platform-keys.jwks.json"],
 *   "deployments": ["1:8865aa05b4b79b64a91a86042e43af5ea8ae79eb"],
 *   "tokenEndpoint": "https://canvas.example.edu/login/oauth2/token",
 *   "courses": {"course-context-id": "data-analytics"}}]}
 * }</pre>
 *
 * A {@code jwks} entry is a URL (fetched and cached, refetched for a key id it does not hold yet) or a JWK Set file
 * relative to the configuration file; {@code keys} may hold a JWK Set inline.
 */
public final class Platforms {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Platform> byIssuerAndClient = new LinkedHashMap<>();

  /** No platform: every launch is refused until one is registered. */
  public static Platforms none() {
    return new Platforms();
  }

  /** One registration as a file or the admin endpoint gives it. */
  @JsonIgnoreProperties(ignoreUnknown = false)
  public record PlatformBody(String issuer, String clientId, String authEndpoint, List<String> jwks, JsonNode keys,
      List<String> deployments, Map<String, String> courses, String tokenEndpoint) {}

  private record FileBody(List<PlatformBody> platforms) {}

  /**
   * Reads the operator's platforms file.
   *
   * @throws IllegalArgumentException saying what is wrong with the file
   */
  public static Platforms load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no LTI platforms file at " + file.toAbsolutePath());
    }
    FileBody body;
    try {
      body = JSON.readValue(file.toFile(), FileBody.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not an LTI platforms file: " + e.getOriginalMessage()
          + "; expected {\"platforms\": [{\"issuer\", \"clientId\", \"authEndpoint\", \"jwks\", \"deployments\"}]}");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    if (body == null || body.platforms() == null) {
      throw new IllegalArgumentException(file + " lists no platforms: give \"platforms\": [{...}, ...]");
    }
    Platforms platforms = new Platforms();
    for (int i = 0; i < body.platforms().size(); i++) {
      try {
        platforms.register(platform(body.platforms().get(i), Optional.of(file.toAbsolutePath().getParent())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": platforms[" + i + "]: " + e.getMessage());
      }
    }
    return platforms;
  }

  /**
   * The platform a request body describes; JWKS entries must be URLs (a client may not make Cairn read its files).
   *
   * @throws IllegalArgumentException saying what is missing or wrong
   */
  public static Platform fromRequest(PlatformBody body) {
    return platform(body, Optional.empty());
  }

  private static Platform platform(PlatformBody body, Optional<Path> base) {
    if (body == null) {
      throw new IllegalArgumentException("a platform is a JSON object");
    }
    List<URI> urls = new ArrayList<>();
    List<JWK> keys = new ArrayList<>();
    for (String entry : body.jwks() == null ? List.<String>of() : body.jwks()) {
      if (entry == null || entry.isBlank()) {
        throw new IllegalArgumentException("a \"jwks\" entry is empty");
      }
      String e = entry.trim();
      if (e.startsWith("https://") || e.startsWith("http://")) {
        urls.add(URI.create(e));
      } else if (base.isPresent()) {
        keys.addAll(read(base.get().resolve(e)));
      } else {
        throw new IllegalArgumentException("the \"jwks\" entry " + e + " is not an http(s) URL; give the "
            + "platform's JWKS URL, or its public keys inline in \"keys\"");
      }
    }
    if (body.keys() != null && !body.keys().isNull()) {
      try {
        keys.addAll(JWKSet.parse(body.keys().toString()).getKeys());
      } catch (ParseException e) {
        throw new IllegalArgumentException("\"keys\" is not a JWK Set: " + e.getMessage());
      }
    }
    URI auth = url("authEndpoint", body.authEndpoint());
    URI token = url("tokenEndpoint", body.tokenEndpoint());
    Set<String> deployments = new LinkedHashSet<>();
    if (body.deployments() != null) {
      body.deployments().stream().filter(d -> d != null && !d.isBlank()).map(String::trim).forEach(deployments::add);
    }
    return new Platform(body.issuer(), body.clientId(), auth, urls, keys, deployments, body.courses(),
        Optional.ofNullable(token));
  }

  private static URI url(String name, String value) {
    try {
      return value == null || value.isBlank() ? null : URI.create(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + name + " is not a URL: " + e.getMessage());
    }
  }

  private static List<JWK> read(Path file) {
    try {
      return JWKSet.load(file.toFile()).getKeys();
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException("cannot read the JWK Set " + file + ": " + e.getMessage());
    }
  }

  /**
   * Registers {@code platform}, or adds what it brings to the registration with the same issuer and client id.
   *
   * @return the registration now in force
   */
  public synchronized Platform register(Platform platform) {
    return byIssuerAndClient.merge(key(platform.issuer(), platform.clientId()), platform, Platform::adding);
  }

  /** Every registration, in the order they were first made. */
  public synchronized List<Platform> all() {
    return List.copyOf(byIssuerAndClient.values());
  }

  /** The registrations of {@code issuer} (one per client id it gave Cairn). */
  public synchronized List<Platform> byIssuer(String issuer) {
    return byIssuerAndClient.values().stream().filter(p -> p.issuer().equals(issuer)).toList();
  }

  public synchronized Optional<Platform> find(String issuer, String clientId) {
    return Optional.ofNullable(byIssuerAndClient.get(key(issuer, clientId)));
  }

  /** The origins allowed to frame Cairn's pages: those of every registered platform. */
  public synchronized Set<String> frameOrigins() {
    Set<String> origins = new LinkedHashSet<>();
    byIssuerAndClient.values().forEach(p -> origins.addAll(p.origins()));
    return origins;
  }

  private static String key(String issuer, String clientId) {
    return issuer + "\n" + clientId;
  }
}
