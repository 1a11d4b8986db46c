package io.cairn.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page, as an RFC 9457 problem: what Jetty refuses before Cairn's handlers run (a malformed request
 * line, bad percent-encoding in the path, {@code %00}, a URI or headers over the limit, a duplicate Host header,
 * broken chunking), what the limits refuse (a body too large or too slow, a full request queue) and whatever else
 * ends in {@code Response.writeError}. Never HTML, never a stack trace; Jetty's own reason is kept when it is
 * plain words, since it often says exactly what is wrong ("Bad UTF-8 encoding").
 */
final class ProblemErrorHandler extends ErrorHandler {
  /** A reason that is plain words, safe to show: no class names, no markup. */
  private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 '=:,;()/_.+%\\-]{1,200}");
  private static final Pattern CODE_NAME = Pattern.compile("(?i)exception|\\b[a-z]+\\.[a-z]+\\.[a-z]|\\$");
  /** Where Jetty points a request whose request line it could not read. */
  private static final String UNREADABLE_REQUEST_PATH = "/badMessage";

  private final ObjectMapper json;
  private final long maxBodyBytes;
  private final int retryAfterSeconds;

  ProblemErrorHandler(ObjectMapper json, long maxBodyBytes, int retryAfterSeconds) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    int status = response.getStatus();
    String reason = (String) request.getAttribute(ERROR_MESSAGE);
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
      status = http.getCode();
      response.setStatus(status);
      reason = reason == null ? http.getReason() : reason;
    }
    if (status < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR_500;
      response.setStatus(status);
    }
    String path = path(request);
    byte[] body = problem(status, reason, path,
        request.getConnectionMetaData().getHttpConfiguration().getRequestHeaderSize());
    setHeaders(response.getHeaders(), status);
    if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
    } else {
      response.write(true, ByteBuffer.wrap(body), callback);
    }
    return true;
  }

  /** The body of an error Jetty answers without a request to hand (older paths of its HTTP/1 parser). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    setHeaders(fields, status);
    return ByteBuffer.wrap(problem(status, reason, "/", 8192));
  }

  private void setHeaders(HttpFields.Mutable headers, int status) {
    SecurityHeaders.apply(headers);
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    headers.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
      headers.put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
  }

  private byte[] problem(int status, String reason, String path, int headerBytes) {
    Problem problem = Problem.of(status, Problem.title(status), detail(status, plain(status, reason), headerBytes),
        path);
    try {
      return json.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      return ("{\"type\":\"about:blank\",\"title\":\"Server error\",\"status\":" + status + "}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  private String detail(int status, String reason, int headerBytes) {
    return switch (status) {
      case 400 -> "the request is malformed" + (reason == null ? "" : " (" + reason + ")")
          + "; check the URL's percent-encoding (UTF-8, no %00, no '..' above the root), the headers and the"
          + " body's framing";
      case 408 -> reason != null ? reason : "the request did not arrive in time; send it without pauses";
      case 413 -> reason != null ? reason : "the request body is too large; bodies are limited to "
          + maxBodyBytes / 1024 + " KiB";
      case 414 -> "the URL is too long: the request line and headers are limited to " + headerBytes / 1024
          + " KiB; shorten the query";
      case 431 -> "the request headers are too large: they are limited to " + headerBytes / 1024
          + " KiB in all; send fewer or shorter headers";
      case 503 -> "the server is handling as many requests as it can; retry after " + retryAfterSeconds + " s";
      case 505 -> "this server speaks HTTP/1.0 and HTTP/1.1; send the request in one of those";
      default -> status >= 500
          ? "the server failed to answer this request; it has been logged. Try again, and report it if it persists."
          : reason != null ? reason : HttpStatus.getMessage(status);
    };
  }

  /** Jetty's reason when it is plain words that add something to the status; else null. */
  private static String plain(int status, String reason) {
    if (reason == null || reason.equalsIgnoreCase(HttpStatus.getMessage(status))
        || !PLAIN_REASON.matcher(reason).matches() || CODE_NAME.matcher(reason).find()) {
      return null;
    }
    return reason;
  }

  private static String path(Request request) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    return path == null || path.isEmpty() || UNREADABLE_REQUEST_PATH.equals(path) ? "/" : path;
  }
}
