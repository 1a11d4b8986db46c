package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.graph.GraphStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response carries the security headers, set in one place (issue 16, defect 8: {@code /web/} and
 * {@code /web/index.html} served the page without the CSP that {@code /} had, {@code /docs} had none, and no
 * response said {@code nosniff}); and {@code /health} does not show where the store is on disk.
 */
class SecurityHeadersTest {
  @RegisterExtension
  static final TestServer server = TestServer.start();

  /** Every kind of response: the page and its assets, the docs, the API, and errors from each layer. */
  static Stream<String> paths() {
    return Stream.of("/", "/web/", "/web/index.html", "/web/app.js", "/web/cairn.css", "/docs", "/web/docs.js",
        "/openapi.json", "/health", "/api/about", "/api/credentials?limit=1", "/api/credentials/nb-cert-data-analytics",
        "/api/credentials?limit=0", "/api/no-such-thing", "/web/no-such-file.js", swaggerBundle());
  }

  @ParameterizedTest(name = "GET {0}")
  @MethodSource("paths")
  void everyResponseCarriesTheSecurityHeaders(String path) {
    HttpResponse<String> response = server.get(path);
    assertSecurityHeaders(name -> response.headers().firstValue(name).orElse(null),
        "GET " + path + " -> " + response.statusCode());
  }

  @Test
  void errorsOfEveryLayerCarryThemToo() {
    HttpResponse<String> wrongMethod = server.postJson("/health", "{}");
    assertEquals(405, wrongMethod.statusCode());
    assertSecurityHeaders(name -> wrongMethod.headers().firstValue(name).orElse(null), "POST /health");
    HttpResponse<String> badBody = server.postJson("/api/recommendations", "{\"k\": ");
    assertEquals(400, badBody.statusCode());
    assertSecurityHeaders(name -> badBody.headers().firstValue(name).orElse(null), "a malformed body");
    RawHttp.Response jetty = RawHttp.exchange(server.port(), "GET /api/%00 HTTP/1.1\r\nHost: x\r\n\r\n",
        Duration.ofSeconds(30));
    assertEquals(400, jetty.status());
    assertSecurityHeaders(jetty.headers()::get, "a request Jetty refuses");
    RawHttp.Response tooLarge = RawHttp.exchange(server.port(), "POST /api/audits HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: application/json\r\nContent-Length: 9999999\r\n\r\n", Duration.ofSeconds(30));
    assertEquals(413, tooLarge.status());
    assertSecurityHeaders(tooLarge.headers()::get, "a body over the limit");
  }

  @Test
  void theDocsPageHasThePolicyOfEveryOtherResponse() {
    assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY,
        server.get("/docs").headers().firstValue("Content-Security-Policy").orElseThrow(),
        "no exception for Swagger UI: it starts from a file, not an inline script");
  }

  @Test
  void healthSaysWhatKindOfStoreNotWhereItIs(@TempDir Path dir) {
    Path data = dir.resolve("tdb2-for-health");
    try (TestServer onDisk = TestServer.start(GraphStore.onDisk(data), null, ServerLimits.defaults())) {
      HttpResponse<String> response = onDisk.get("/health");
      JsonNode health = TestServer.okJson(response);
      assertEquals("tdb2", health.get("store").asText());
      assertFalse(response.body().contains(data.getFileName().toString()), "the store's path: " + response.body());
      assertFalse(response.body().contains(dir.toString()), "the store's path: " + response.body());
      OpenApiContract.load().assertResponseMatches("/health", "get", response);
    }
    assertEquals("in-memory", TestServer.okJson(server.get("/health")).get("store").asText());
  }

  /**
   * Asserts the headers every response must carry: a Content-Security-Policy that forbids framing, nosniff, a
   * referrer policy and the legacy frame guard.
   */
  static void assertSecurityHeaders(Function<String, String> header, String what) {
    String csp = lookup(header, "Content-Security-Policy");
    assertNotNull(csp, what + ": no Content-Security-Policy");
    assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
    assertTrue(csp.contains("default-src 'self'"), what + ": " + csp);
    assertTrue(csp.contains("object-src 'none'"), what + ": " + csp);
    assertEquals("nosniff", lookup(header, "X-Content-Type-Options"), what);
    assertEquals("no-referrer", lookup(header, "Referrer-Policy"), what);
    assertEquals("DENY", lookup(header, "X-Frame-Options"), what);
  }

  private static String lookup(Function<String, String> header, String name) {
    String value = header.apply(name);
    return value != null ? value : header.apply(name.toLowerCase(Locale.ROOT));
  }

  private static String swaggerBundle() {
    return "/webjars/swagger-ui/" + SystemController.swaggerUiVersion() + "/swagger-ui-bundle.js";
  }
}
