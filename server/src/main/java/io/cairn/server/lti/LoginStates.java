package io.cairn.server.lti;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The OIDC logins in progress: each login initiation gets a random {@code state} and {@code nonce}, kept in memory
 * for a few minutes; the launch takes its state out (so a state is used once), and a nonce once seen in a launch is
 * remembered until any token carrying it has expired, so a replayed token is refused.
 */
final class LoginStates {
  static final Duration LOGIN_LIFETIME = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What the login initiation fixed, which the launch must match. */
  record Pending(String issuer, String clientId, String nonce, String targetLinkUri) {}

  private final Cache<String, Pending> pending = Caffeine.newBuilder().expireAfterWrite(LOGIN_LIFETIME)
      .maximumSize(100_000).build();
  private final Cache<String, Boolean> usedNonces;

  LoginStates(Duration nonceMemory) {
    usedNonces = Caffeine.newBuilder().expireAfterWrite(nonceMemory).maximumSize(1_000_000).build();
  }

  /** A new login for {@code issuer}/{@code clientId}: its state (the key) and nonce. */
  String begin(String issuer, String clientId, String targetLinkUri, String nonce) {
    String state = random();
    pending.put(state, new Pending(issuer, clientId, nonce, targetLinkUri));
    return state;
  }

  /** The login {@code state} began, removed so it cannot serve twice; empty when unknown or expired. */
  Optional<Pending> take(String state) {
    return Optional.ofNullable(pending.asMap().remove(state));
  }

  /** True the first time {@code nonce} is used; false for every later use. */
  boolean useNonce(String issuer, String nonce) {
    return usedNonces.asMap().putIfAbsent(issuer + "\n" + nonce, Boolean.TRUE) == null;
  }

  static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
