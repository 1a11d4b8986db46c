package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests Jetty refuses before Cairn's handlers run are RFC 9457 problems too (issue 16, defect 6: they were
 * HTML or empty, and a malformed chunked body was a 500): written byte for byte on a socket, since no
 * well-behaved client sends them.
 */
class JettyErrorsTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final String AUDIT_JSON = "POST /api/audits HTTP/1.1\r\nHost: localhost\r\n"
      + "Content-Type: application/json\r\nConnection: close\r\n";

  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();

  record Raw(byte[] request, int status, String mentions) {}

  private static Arguments raw(String name, String request, int status, String mentions) {
    return raw(name, request.getBytes(StandardCharsets.ISO_8859_1), status, mentions);
  }

  private static Arguments raw(String name, byte[] request, int status, String mentions) {
    return Arguments.of(Named.of(name, new Raw(request, status, mentions)));
  }

  private static String get(String target, String headers) {
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n";
  }

  static Stream<Arguments> refusedByJetty() {
    byte[] rawUtf8 = ("GET /api/credentials/\u00c3( HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    return Stream.of(
        raw("bad UTF-8 in a percent-encoded path", get("/api/credentials/%C3%28", ""), 400, "UTF-8"),
        raw("an invalid UTF-8 byte in the path", rawUtf8, 400, "malformed"),
        raw("%00 in the path", get("/api/credentials/%00", ""), 400, "%00"),
        raw("dot segments above the root", get("/api/../../etc/passwd", ""), 400, "'..'"),
        raw("a URI of 20,000 characters (414)", get("/api/credentials?q=" + "a".repeat(20_000), ""), 414,
            "shorten the query"),
        raw("headers of 20,000 characters (431)", get("/health", "X-Big: " + "a".repeat(20_000) + "\r\n"), 431,
            "headers are too large"),
        raw("a duplicate Host header", get("/health", "Host: elsewhere\r\n"), 400, "Duplicate Host"),
        raw("no Host header in HTTP/1.1", "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", 400, "No Host"),
        raw("a chunk size that is not hex", AUDIT_JSON + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
            400, "framing"),
        raw("a chunk longer than its size", AUDIT_JSON + "Transfer-Encoding: chunked\r\n\r\n"
            + "5\r\n{\"pat\r\n3\r\nhway\r\n0\r\n\r\n", 400, "framing"),
        raw("Content-Length and Transfer-Encoding together", AUDIT_JSON + "Content-Length: 5\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400, "Transfer-Encoding and Content-Length"),
        raw("a negative Content-Length", AUDIT_JSON + "Content-Length: -5\r\n\r\n", 400, "Content-Length"),
        raw("an illegal character in the method", "G(T /health HTTP/1.1\r\nHost: localhost\r\n\r\n", 400,
            "Illegal character"),
        raw("an HTTP version that does not exist", "GET /health HTTP/9.9\r\nHost: localhost\r\n\r\n", 505,
            "HTTP/1.1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedByJetty")
  void aRequestJettyRefusesIsAProblem(Raw c) {
    RawHttp.Response response = RawHttp.exchange(server.port(), c.request(), HANG);
    assertEquals(c.status(), response.status(), () -> RawHttp.shown(c.request()) + "\nanswered " + response.status()
        + ": " + response.body());
    assertEquals(Problem.CONTENT_TYPE, response.mediaType(), () -> "Content-Type; body: " + response.body());
    assertTrue(!response.body().contains("<html") && !response.body().contains("<h2>"), "no HTML: "
        + response.body());
    contract.assertMatchesComponent("Problem", response.body());
    JsonNode problem = TestServer.json(response.body());
    assertEquals(c.status(), problem.get("status").asInt(), "status in the body");
    String detail = problem.get("detail").asText();
    assertTrue(detail.toLowerCase(Locale.ROOT).contains(c.mentions().toLowerCase(Locale.ROOT)),
        () -> "the detail should mention \"" + c.mentions() + "\": " + detail);
    Leaks.find(response.body()).ifPresent(leak -> fail("the problem shows what a client must not see: " + leak));
    SecurityHeadersTest.assertSecurityHeaders(response.headers()::get, RawHttp.shown(c.request()));
  }
}
