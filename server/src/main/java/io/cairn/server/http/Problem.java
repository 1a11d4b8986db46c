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
}
