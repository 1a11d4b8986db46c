package io.cairn.server.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers of every response, in one place: the page, its scripts and styles, the API docs, the JSON
 * API and every error, whether Cairn, Javalin or Jetty answers it. This handler wraps every other one; the error
 * handler Jetty calls for requests it refuses before any handler runs applies the same headers itself.
 */
final class SecurityHeaders extends Handler.Wrapper {
  /**
   * Only this server's own assets and API: nothing is fetched from elsewhere, no inline script runs (the API docs
   * start Swagger UI from a file too), and no other site may frame a response.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  static void apply(HttpFields.Mutable headers) {
    headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Cross-Origin-Opener-Policy", "same-origin");
    headers.put("Cross-Origin-Resource-Policy", "same-origin");
    headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  }

  /**
   * Lets {@code origins} (the registered LMS platforms) frame the page and the LTI launch, which run in the LMS's
   * iframe; every other response, and every response when no platform is registered, stays unframeable.
   */
  static void allowFraming(io.javalin.http.Context ctx, java.util.Set<String> origins) {
    String path = ctx.path();
    if (origins.isEmpty() || !(path.equals("/") || path.startsWith("/lti/"))) {
      return;
    }
    // a handler may have widened the policy for its own answer (the Deep Linking return form): keep what it set
    String current = ctx.res().getHeader("Content-Security-Policy");
    String policy = current != null && current.contains("frame-ancestors 'none'") ? current : CONTENT_SECURITY_POLICY;
    ctx.header("Content-Security-Policy", policy.replace("frame-ancestors 'none'",
        "frame-ancestors 'self' " + String.join(" ", origins)));
    // X-Frame-Options cannot name origins; browsers that know frame-ancestors ignore it, the rest must not be told DENY
    ctx.res().setHeader("X-Frame-Options", null);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    apply(response.getHeaders());
    return super.handle(request, response, callback);
  }
}
