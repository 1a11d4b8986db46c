package io.cairn.server.http;

import io.cairn.server.api.ApiException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The bearer token that lets a client write (import) through the API; the operator sets it, reads need none.
 * Without a configured token writing is off (403); a missing or wrong token is 401. Tokens are compared as
 * SHA-256 digests with {@link MessageDigest#isEqual}, in time that does not depend on where they differ.
 */
public final class AdminToken {
  private final byte[] digest;

  private AdminToken(byte[] digest) {
    this.digest = digest;
  }

  /** No token: every write is refused with 403. */
  public static AdminToken none() {
    return new AdminToken(null);
  }

  /**
   * The token {@code secret}.
   *
   * @throws IllegalArgumentException when it is shorter than 16 characters (a guessable token protects nothing)
   */
  public static AdminToken of(String secret) {
    String s = secret.strip();
    if (s.length() < 16) {
      throw new IllegalArgumentException("the admin token must be at least 16 characters long");
    }
    return new AdminToken(sha256(s));
  }

  public boolean configured() {
    return digest != null;
  }

  /**
   * Lets the request through, or answers 403 (writing is off) or 401 (no or wrong token, with
   * {@code WWW-Authenticate: Bearer}).
   */
  void require(Context ctx) {
    if (digest == null) {
      throw new ApiException(403, "Writing is off", "this server takes no imports and no operator requests ("
          + ctx.path() + "): its operator has set no admin token (start it with CAIRN_ADMIN_TOKEN set, or with "
          + "--admin-token-file FILE)");
    }
    Optional<String> presented = Optional.ofNullable(ctx.header("Authorization"))
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).strip());
    if (presented.isEmpty() || !MessageDigest.isEqual(digest, sha256(presented.get()))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"cairn\"");
      throw new ApiException(401, "Unauthorized", presented.isEmpty()
          ? ctx.path() + " needs the operator's token: send the header Authorization: Bearer <token>"
          : "the bearer token is not the one this server was started with");
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
