package io.cairn.server.api;

/** A request the API refuses, with the HTTP status and a detail that says what to fix. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String title;

  public ApiException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "Bad request", detail);
  }

  public static ApiException notFound(String what, String id, String hint) {
    return new ApiException(404, what + " not found", "no " + what.toLowerCase(java.util.Locale.ROOT) + " '" + id
        + "'; " + hint);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
