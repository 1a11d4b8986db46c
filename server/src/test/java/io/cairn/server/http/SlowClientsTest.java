package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow and greedy clients cannot starve the server (issue 16, defect 1): slow uploads hold no thread and are
 * dropped after the body timeout or the idle timeout, each with one WARN line; a full request queue answers 503
 * with Retry-After; connections past the limit wait to be accepted. Every server here is real, on a free port, and
 * every wait is bounded to catch a hang; the times printed are for reading, not asserted beyond that bound.
 */
class SlowClientsTest {
  /** More slow uploads than Jetty's default pool has threads (250 in Javalin's default). */
  private static final int SLOW_UPLOADS = 300;
  /** How long a liveness probe may take before the server counts as starved. */
  private static final Duration HEALTH_BOUND = Duration.ofSeconds(5);
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final String AUDIT_HEAD = "POST /api/audits HTTP/1.1\r\nHost: localhost\r\n"
      + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
  private static final String HEALTH = RawHttp.request("GET", "/health", List.of(), null);

  /** A server with the default limits, the ones {@code cairn serve} uses. */
  @RegisterExtension
  static final TestServer server = TestServer.start();

  @Test
  void healthAnswersWhileHundredsOfSlowUploadsAreOpen() throws Exception {
    List<Socket> uploads = new ArrayList<>();
    try {
      for (int i = 0; i < SLOW_UPLOADS; i++) {
        Socket upload = new Socket();
        upload.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) HANG.toMillis());
        upload.getOutputStream().write((AUDIT_HEAD + "{").getBytes(StandardCharsets.ISO_8859_1));
        uploads.add(upload);
      }
      List<Long> millis = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        // every upload keeps trickling, so none of them is idle long enough to be dropped meanwhile
        for (Socket upload : uploads) {
          upload.getOutputStream().write(' ');
        }
        RawHttp.Response health = RawHttp.exchange(server.port(), HEALTH, HEALTH_BOUND);
        assertEquals(200, health.status(), health.body());
        assertTrue(health.millis() <= HEALTH_BOUND.toMillis(), "health took " + health.millis() + " ms");
        millis.add(health.millis());
        Thread.sleep(200);
      }
      System.out.printf("SlowClientsTest: GET /health answered in %s ms while %d slow uploads were open%n",
          millis, uploads.size());
      assertOk(server.postJson("/api/audits", "{\"pathway\": \"data-analytics\"}"));
    } finally {
      for (Socket upload : uploads) {
        upload.close();
      }
    }
  }

  @Test
  void anUploadThatTricklesIsRefusedWith408AfterTheBodyTimeoutAndLoggedOnce() throws Exception {
    ServerLimits limits = ServerLimits.defaults().withBodyTimeout(Duration.ofSeconds(1));
    try (TestServer server = TestServer.start(limits); CapturedErr log = CapturedErr.start();
        Socket upload = new Socket()) {
      upload.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) HANG.toMillis());
      upload.setSoTimeout(200);
      OutputStream out = upload.getOutputStream();
      out.write(AUDIT_HEAD.getBytes(StandardCharsets.ISO_8859_1));
      long start = System.nanoTime();
      RawHttp.Response refused = null;
      while (refused == null && System.nanoTime() - start < HANG.toNanos()) {
        out.write(' ');
        try {
          refused = RawHttp.read(upload.getInputStream(), start);
        } catch (SocketTimeoutException stillSending) {
          // no answer yet: send another byte
        }
      }
      assertTrue(refused != null, "no answer to an upload that trickles for " + HANG);
      assertProblem(refused, 408, "did not arrive within 1 s");
      assertEquals("close", refused.header("connection").orElse(""), "a refused upload's connection is closed");
      String marker = "dropped an upload that took too long: POST /api/audits from /127.0.0.1:"
          + upload.getLocalPort() + " ";
      assertOneLineWithoutTrace(log.awaitLine(marker), marker);
    }
  }

  @Test
  void anUploadThatStallsIsRefusedWith408AfterTheIdleTimeout() throws Exception {
    ServerLimits limits = ServerLimits.defaults().withIdleTimeout(Duration.ofSeconds(1));
    try (TestServer server = TestServer.start(limits); CapturedErr log = CapturedErr.start()) {
      RawHttp.Response refused = RawHttp.exchange(server.port(), AUDIT_HEAD + "{\"pathway\": ", HANG);
      assertProblem(refused, 408, "stopped arriving");
      assertOneLineWithoutTrace(log.awaitLine("dropped an upload that stalled"), "dropped an upload that stalled");
    }
  }

  @Test
  void anUploadCutShortIsLoggedAsOneLine() throws Exception {
    try (CapturedErr log = CapturedErr.start()) {
      String marker;
      try (Socket upload = new Socket()) {
        upload.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) HANG.toMillis());
        marker = "upload cut short: POST /api/audits from /127.0.0.1:" + upload.getLocalPort() + " ";
        upload.getOutputStream().write((AUDIT_HEAD + "{\"path").getBytes(StandardCharsets.ISO_8859_1));
        upload.getOutputStream().flush();
        Thread.sleep(200);
      }
      assertOneLineWithoutTrace(log.awaitLine(marker), marker);
      assertOk(server.get("/health"));
    }
  }

  @Test
  void aBodyDeclaredTooLargeIsRefusedBeforeItIsSent() {
    RawHttp.Response refused = RawHttp.exchange(server.port(), "POST /api/recommendations HTTP/1.1\r\n"
        + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{", HANG);
    assertProblem(refused, 413, "256 KiB");
    assertEquals("close", refused.header("connection").orElse(""), "ten megabytes are not read: the server closes");
  }

  /**
   * A body somewhat over the limit is read to its end before the 413 is sent: a server that answered mid-upload
   * and closed would make the client's TCP stack reset the connection, which can throw the answer away unread (CI
   * saw Java's HttpClient report "header parser received no bytes"). Read to its end, the connection even stays
   * usable: a second request on it is answered. Without the drain the server closes it after the 413.
   */
  @Test
  void aBodyOverTheLimitIsReadToItsEndSoItsClientReadsThe413() throws Exception {
    byte[] piece = " ".repeat(32 * 1024).getBytes(StandardCharsets.ISO_8859_1);
    int pieces = 10;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) HANG.toMillis());
      socket.setSoTimeout((int) HANG.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/recommendations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + piece.length * pieces + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      for (int i = 0; i < pieces; i++) {
        out.write(piece);
        out.flush();
        Thread.sleep(20);
      }
      RawHttp.Response refused = RawHttp.read(socket.getInputStream(), System.nanoTime());
      assertProblem(refused, 413, "256 KiB");
      assertFalse(refused.header("connection").orElse("").equalsIgnoreCase("close"),
          "the body was read whole, so the connection need not close: " + refused.headers());
      out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertEquals(200, RawHttp.read(socket.getInputStream(), System.nanoTime()).status(),
          "the same connection answers the next request");
    }
  }

  @Test
  void aChunkedBodyThatGrowsPastTheLimitIsRefused() {
    String chunk = "x".repeat(64 * 1024);
    StringBuilder body = new StringBuilder("{\"learner\": {\"name\": \"");
    StringBuilder request = new StringBuilder("POST /api/recommendations HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    request.append(Integer.toHexString(body.length())).append("\r\n").append(body).append("\r\n");
    for (int i = 0; i < 5; i++) {
      request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    request.append("0\r\n\r\n");
    assertProblem(RawHttp.exchange(server.port(), request.toString(), HANG), 413, "256 KiB");
  }

  /**
   * With one request in flight and no queue, requests that come together are refused with 503 and Retry-After
   * (never dropped, never 500), while {@code /health}, which skips the queue, still answers. The requests are
   * released together in rounds until one finds the place taken (the first round all but always does).
   */
  @Test
  void aFullRequestQueueAnswers503WithRetryAfter() throws Exception {
    ServerLimits limits = ServerLimits.defaults().withRequestQueue(1, 0, Duration.ofSeconds(3));
    String body = "{\"goal\": {\"type\": \"pathway\", \"id\": \"data-analytics\"}, \"k\": 50}";
    try (TestServer server = TestServer.start(limits);
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<RawHttp.Response> refused = new ArrayList<>();
      for (int round = 0; round < 20 && refused.isEmpty(); round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RawHttp.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          answers.add(clients.submit(() -> {
            go.await();
            return RawHttp.exchange(server.port(), RawHttp.request("POST", "/api/recommendations",
                List.of("Content-Type: application/json"), body), HANG);
          }));
        }
        go.countDown();
        for (Future<RawHttp.Response> answer : answers) {
          RawHttp.Response r = answer.get();
          assertTrue(r.status() == 200 || r.status() == 503, () -> "answered " + r.status() + ": " + r.body());
          if (r.status() == 503) {
            refused.add(r);
          }
        }
      }
      assertFalse(refused.isEmpty(), "32 requests at once never found the one place taken in 20 rounds");
      assertProblem(refused.getFirst(), 503, "retry after 3 s");
      assertEquals("3", refused.getFirst().header("retry-after").orElse(""), "Retry-After");
      RawHttp.Response health = RawHttp.exchange(server.port(), HEALTH, HEALTH_BOUND);
      assertEquals(200, health.status(), "/health skips the request queue: " + health.body());
    }
  }

  @Test
  void connectionsPastTheLimitWaitToBeAccepted() throws Exception {
    ServerLimits limits = new ServerLimits(4, 8, 8, Duration.ofSeconds(5), Duration.ofSeconds(30),
        Duration.ofSeconds(30), 64);
    String keepAlive = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n";
    try (TestServer server = TestServer.start(limits)) {
      List<Socket> open = new ArrayList<>();
      try (Socket fifth = new Socket()) {
        for (int i = 0; i < 4; i++) {
          // each of the four is served once, so the server has surely accepted and counted it; then it stays open
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) HANG.toMillis());
          s.setSoTimeout((int) HANG.toMillis());
          s.getOutputStream().write(keepAlive.getBytes(StandardCharsets.ISO_8859_1));
          assertEquals(200, RawHttp.read(s.getInputStream(), System.nanoTime()).status());
          open.add(s);
        }
        fifth.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) HANG.toMillis());
        fifth.setSoTimeout(1000);
        fifth.getOutputStream().write(HEALTH.getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(SocketTimeoutException.class, () -> fifth.getInputStream().read(),
            "a fifth connection is served while four are open and the limit is four");
        open.removeFirst().close();
        fifth.setSoTimeout((int) HANG.toMillis());
        RawHttp.Response health = RawHttp.read(fifth.getInputStream(), System.nanoTime());
        assertEquals(200, health.status(), "the fifth is served once one of the four closes");
      } finally {
        for (Socket s : open) {
          s.close();
        }
      }
    }
  }

  static void assertProblem(RawHttp.Response response, int status, String mentions) {
    assertEquals(status, response.status(), () -> "answered " + response.status() + ": " + response.body());
    assertEquals(Problem.MEDIA_TYPE, response.mediaType(), "Content-Type");
    JsonNode problem = TestServer.json(response.body());
    assertEquals(status, problem.get("status").asInt());
    String detail = problem.get("detail").asText();
    assertTrue(detail.contains(mentions), () -> "the detail should mention '" + mentions + "': " + detail);
  }

  /** Exactly one log line carries {@code marker}, and no stack trace follows anything logged. */
  private static void assertOneLineWithoutTrace(String log, String marker) {
    List<String> lines = log.lines().filter(l -> l.contains(marker)).toList();
    assertEquals(1, lines.size(), "one line for one dropped upload:\n" + log);
    assertTrue(lines.getFirst().contains("WARN"), lines.getFirst());
    assertFalse(log.contains("\tat ") || log.contains("Exception:"), "a stack trace in the log:\n" + log);
  }

  /** What the server logs (slf4j-simple writes to System.err) while it is open. */
  static final class CapturedErr implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    static CapturedErr start() {
      CapturedErr c = new CapturedErr();
      System.setErr(new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
          synchronized (c.captured) {
            c.captured.write(b);
          }
          c.original.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          synchronized (c.captured) {
            c.captured.write(b, off, len);
          }
          c.original.write(b, off, len);
        }
      }, true, StandardCharsets.UTF_8));
      return c;
    }

    /** The log so far, once a line containing {@code marker} has appeared (bounded wait). */
    String awaitLine(String marker) throws InterruptedException {
      long start = System.nanoTime();
      while (System.nanoTime() - start < HANG.toNanos()) {
        String text = text();
        if (text.contains(marker)) {
          Thread.sleep(200); // anything that would follow the line (a stack trace) is written by now
          return text();
        }
        Thread.sleep(50);
      }
      return text();
    }

    private String text() {
      synchronized (captured) {
        return captured.toString(StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() {
      System.setErr(original);
    }
  }

  private static void assertOk(java.net.http.HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.uri() + ": " + response.body());
  }
}
