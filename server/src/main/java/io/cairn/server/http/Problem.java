package io.cairn.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} lists field- or node-level causes where there are several.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String instance, List<Object> errors) {
  static final String CONTENT_TYPE = "application/problem+json";

  static Problem of(int status, String title, String detail, String instance) {
    return new Problem("about:blank", title, status, detail, instance, List.of());
  }

  /** The title of a status that has no more specific one. */
  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 408 -> "Request timeout";
      case 413 -> "Content too large";
      case 414 -> "URI too long";
      case 415 -> "Unsupported media type";
      case 431 -> "Request headers too large";
      case 503 -> "Service unavailable";
      case 505 -> "HTTP version not supported";
      default -> status >= 500 ? "Server error" : "Request refused";
    };
  }
}
