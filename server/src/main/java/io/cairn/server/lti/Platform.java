package io.cairn.server.lti;

import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An LMS registered by the operator: the issuer and the client id it gave Cairn, its OIDC authorization endpoint,
 * where its keys are (JWKS URLs, and public keys given inline or from files), the deployment ids allowed to launch,
 * which Cairn pathway each of its courses (LTI context ids) is about, and its OAuth 2.0 token endpoint, where Cairn
 * asks for the access token of an LTI Advantage service (Names and Role Provisioning); without one, Cairn reads no
 * course roster from it.
 */
public record Platform(String issuer, String clientId, URI authEndpoint, List<URI> jwksUrls, List<JWK> keys,
    Set<String> deployments, Map<String, String> coursePathways, java.util.Optional<URI> tokenEndpoint) {

  public Platform {
    if (blank(issuer) || blank(clientId) || authEndpoint == null) {
      throw new IllegalArgumentException("a platform needs an \"issuer\", a \"clientId\" and an \"authEndpoint\"");
    }
    issuer = issuer.trim();
    clientId = clientId.trim();
    if (!authEndpoint.isAbsolute() || !List.of("https", "http").contains(authEndpoint.getScheme())) {
      throw new IllegalArgumentException("the authEndpoint of " + issuer + " must be an absolute http(s) URL, got "
          + authEndpoint);
    }
    jwksUrls = List.copyOf(jwksUrls == null ? List.of() : jwksUrls);
    keys = List.copyOf(keys == null ? List.of() : keys);
    for (JWK key : keys) {
      if (key.isPrivate()) {
        throw new IllegalArgumentException("the keys of " + issuer + " include a private key; give public keys only");
      }
    }
    if (jwksUrls.isEmpty() && keys.isEmpty()) {
      throw new IllegalArgumentException("the platform " + issuer + " needs its keys: \"jwks\" (URLs or files of "
          + "its JWK Set) or \"keys\" (a JWK Set)");
    }
    // in the order registered, for the operator reading them back
    deployments = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(deployments == null ? Set.of()
        : deployments));
    if (deployments.isEmpty()) {
      throw new IllegalArgumentException("the platform " + issuer + " needs at least one deployment id in "
          + "\"deployments\" (the LMS shows it when the tool is deployed)");
    }
    tokenEndpoint = tokenEndpoint == null ? java.util.Optional.empty() : tokenEndpoint;
    URI token = tokenEndpoint.orElse(null);
    if (token != null && (!token.isAbsolute() || !List.of("https", "http").contains(token.getScheme()))) {
      throw new IllegalArgumentException("the tokenEndpoint of " + issuer + " must be an absolute http(s) URL, got "
          + token);
    }
    coursePathways = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coursePathways == null ? Map.of()
        : coursePathways));
  }

  /**
   * This registration with what {@code more} adds: keys, JWKS URLs, deployments and course mappings are added,
   * never removed or replaced, so that rotating a key is adding the new one. The endpoints stay as registered (a
   * token endpoint is added when there was none).
   *
   * @throws IllegalArgumentException when {@code more} maps a course already mapped to another pathway
   */
  Platform adding(Platform more) {
    List<URI> urls = new ArrayList<>(new LinkedHashSet<>(concat(jwksUrls, more.jwksUrls())));
    List<JWK> allKeys = new ArrayList<>(keys);
    for (JWK key : more.keys()) {
      if (allKeys.stream().noneMatch(k -> k.toJSONString().equals(key.toJSONString()))) {
        allKeys.add(key);
      }
    }
    Set<String> allDeployments = new LinkedHashSet<>(deployments);
    allDeployments.addAll(more.deployments());
    Map<String, String> courses = new LinkedHashMap<>(coursePathways);
    more.coursePathways().forEach((course, pathway) -> {
      String before = courses.putIfAbsent(course, pathway);
      if (before != null && !before.equals(pathway)) {
        throw new IllegalArgumentException("the course " + course + " of " + issuer + " is already mapped to the "
            + "pathway " + before + "; mappings are added, not edited: restart with the configuration changed");
      }
    });
    return new Platform(issuer, clientId, authEndpoint, urls, allKeys, allDeployments, courses,
        tokenEndpoint.or(more::tokenEndpoint));
  }

  /** The web origin the LMS pages come from, allowed to frame Cairn: the issuer's and the endpoint's. */
  Set<String> origins() {
    Set<String> origins = new LinkedHashSet<>();
    origin(URI.create(issuer)).ifPresent(origins::add);
    origin(authEndpoint).ifPresent(origins::add);
    return origins;
  }

  private static java.util.Optional<String> origin(URI uri) {
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":"
        + uri.getPort()));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
