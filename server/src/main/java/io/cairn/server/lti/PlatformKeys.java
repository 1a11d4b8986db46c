package io.cairn.server.lti;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys of registered platforms: the ones given inline or from files, and those of their JWKS URLs,
 * fetched with Nimbus's cache (kept for minutes, fetched again when a token names a key id not seen yet, so a
 * platform's key rotation needs nothing from the operator).
 */
final class PlatformKeys {
  private static final long CACHE_MILLIS = 5 * 60_000;
  private static final long REFRESH_TIMEOUT_MILLIS = 5_000;
  private static final int TIMEOUT_MILLIS = 3_000;
  private static final int MAX_JWKS_BYTES = 256 * 1024;

  private final Map<URI, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

  /**
   * The RSA keys of {@code platform} that {@code keyId} names (every RSA key when the token names none).
   *
   * @throws LaunchException when a JWKS URL cannot be read
   */
  List<JWK> rsaKeys(Platform platform, String keyId) {
    JWKMatcher.Builder matcher = new JWKMatcher.Builder().keyType(KeyType.RSA);
    if (keyId != null) {
      matcher.keyID(keyId);
    }
    JWKSelector selector = new JWKSelector(matcher.build());
    List<JWK> found = new ArrayList<>(selector.select(new com.nimbusds.jose.jwk.JWKSet(platform.keys())));
    for (URI url : platform.jwksUrls()) {
      try {
        found.addAll(source(url).get(selector, null));
      } catch (KeySourceException e) {
        throw LaunchException.untrusted("the keys of " + platform.issuer() + " could not be fetched from " + url
            + ": " + e.getMessage() + "; the launch cannot be checked");
      }
    }
    return found;
  }

  private JWKSource<SecurityContext> source(URI url) {
    return sources.computeIfAbsent(url, u -> {
      try {
        return JWKSourceBuilder.<SecurityContext>create(u.toURL(),
                new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_JWKS_BYTES))
            .cache(CACHE_MILLIS, REFRESH_TIMEOUT_MILLIS).retrying(false).rateLimited(false).build();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a URL: " + u, e);
      }
    });
  }
}
