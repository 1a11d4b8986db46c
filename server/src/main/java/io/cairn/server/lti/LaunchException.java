package io.cairn.server.lti;

/**
 * An LTI login or launch Cairn refuses: 401 when the message cannot be trusted (signature, audience, nonce, time),
 * 403 when it is genuine but not allowed here (an unregistered deployment, a message type Cairn does not serve),
 * 400 when a parameter is missing. The detail says which check failed and what to fix.
 */
public final class LaunchException extends RuntimeException {
  private final int status;
  private final String title;

  LaunchException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  static LaunchException untrusted(String detail) {
    return new LaunchException(401, "LTI launch refused", detail);
  }

  static LaunchException forbidden(String detail) {
    return new LaunchException(403, "LTI launch not allowed", detail);
  }

  static LaunchException badRequest(String detail) {
    return new LaunchException(400, "Bad LTI request", detail);
  }

  /** The course roster (Names and Role Provisioning) cannot be read: {@code status} says whose doing it is. */
  static LaunchException roster(int status, String detail) {
    return new LaunchException(status, "Course roster unavailable", detail);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
