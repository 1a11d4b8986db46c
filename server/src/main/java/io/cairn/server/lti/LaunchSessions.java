package io.cairn.server.lti;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Launches in memory for a few minutes, by a random session id the browser holds in a cookie; nothing about a
 * learner outlives them or reaches the store.
 */
public final class LaunchSessions {
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  private final Cache<String, Launch> sessions = Caffeine.newBuilder().expireAfterWrite(LIFETIME)
      .maximumSize(100_000).build();

  /** Keeps {@code launch} and returns its new session id. */
  String open(Launch launch) {
    String id = LoginStates.random();
    sessions.put(id, launch);
    return id;
  }

  public Optional<Launch> get(String sessionId) {
    return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.getIfPresent(sessionId));
  }
}
