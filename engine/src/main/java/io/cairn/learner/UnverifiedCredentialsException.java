package io.cairn.learner;

/**
 * Presented credentials cannot count because they were not verified: the server has no verifier (its JSON-LD
 * contexts were not found), or a caller resolved a learner without going through {@code Cairn}.
 */
public final class UnverifiedCredentialsException extends RuntimeException {
  public UnverifiedCredentialsException(String message) {
    super(message);
  }
}
