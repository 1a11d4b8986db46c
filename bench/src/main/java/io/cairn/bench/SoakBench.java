package io.cairn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak figure of issue 16: mixed reads (recommendations, catalog lists and entities, label search, coverage,
 * health) at 16 connections for 60 s while a few hundred clients keep request bodies trickling in a byte a second,
 * against the server in this JVM over the bench's catalog, on loopback, with the limits {@code cairn serve} uses.
 * Reports the load's error count and latency, how quickly {@code /health} answered meanwhile, how often the server
 * dropped a slow upload (each is reopened, so the count of open ones holds), and memory before and after: heap
 * after GC and the resident set of this JVM (server and load generator share it when the Java client is used;
 * with wrk the load runs in its own process).
 */
final class SoakBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] SLOW_HEAD = ("POST /api/recommendations HTTP/1.1\r\nHost: localhost\r\n"
      + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1);

  private final Cairn cairn;
  private final List<HttpLoad.Call> calls;
  private final Path work;

  SoakBench(Cairn cairn, List<Map<String, Object>> bodies, Path work, long seed) throws IOException {
    this.cairn = cairn;
    this.work = work;
    this.calls = mixedReads(cairn.snapshot(), bodies, seed);
  }

  Map<String, Object> run(int seconds, int connections, int slowConnections, boolean forceJava) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("what", seconds + " s of mixed reads at " + connections + " connections while " + slowConnections
        + " clients send request bodies a byte a second; server in this JVM, default limits");
    out.put("mix", mix());
    out.put("heapBeforeMiB", Bench.heapAfterGc() / 1048576.0);
    out.put("rssBeforeMiB", rssMiB());
    try (HttpBench.Listening server = HttpBench.Listening.on(cairn);
        SlowUploads slow = new SlowUploads(server.port(), slowConnections);
        HealthProbe health = new HealthProbe(server.port())) {
      Bench.progress("soak: %d slow uploads open, %d s of mixed reads at %d connections", slow.open(), seconds,
          connections);
      String wrk = forceJava ? null : HttpLoad.findOnPath("wrk");
      Map<String, Object> load = HttpLoad.run(wrk, work, "soak", calls, server.port(), seconds, connections);
      out.putAll(load);
      out.put("slowConnections", slowConnections);
      out.put("slowOpenAtEnd", slow.open());
      out.put("slowDroppedByServer", slow.dropped());
      out.put("health", health.summary());
    }
    out.put("heapAfterMiB", Bench.heapAfterGc() / 1048576.0);
    out.put("rssAfterMiB", rssMiB());
    out.put("memoryWhat", "heap used after full GCs, and VmRSS of this JVM from /proc/self/status; both before the "
        + "server starts and after it stops");
    return out;
  }

  /** 40% recommendations, the rest GETs spread over the catalog, search, coverage and health. */
  private static List<HttpLoad.Call> mixedReads(CatalogSnapshot s, List<Map<String, Object>> bodies, long seed)
      throws IOException {
    Random random = new Random(seed);
    List<HttpLoad.Call> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int kind = random.nextInt(20);
      calls.add(switch (kind) {
        case 0, 1, 2, 3, 4, 5, 6, 7 -> new HttpLoad.Call("POST", "/api/recommendations",
            JSON.writeValueAsString(bodies.get(random.nextInt(bodies.size()))));
        case 8, 9 -> get("/api/credentials/" + s.credentials().get(random.nextInt(s.credentials().size())).id());
        case 10 -> get("/api/credentials?limit=20&offset=" + random.nextInt(1000) + "&maxCost=" + random.nextInt(2000));
        case 11, 12 -> get("/api/competencies/" + s.competencies().get(random.nextInt(s.competencies().size())).id());
        case 13, 14 -> get("/api/competencies?q=" + URLEncoder.encode(firstWord(
            s.competencies().get(random.nextInt(s.competencies().size())).label()), StandardCharsets.UTF_8)
            + "&suggest=true&limit=10");
        case 15, 16 -> get("/api/occupations/" + s.occupations().get(random.nextInt(s.occupations().size())).id());
        case 17 -> get("/api/coverage?occupation=" + s.occupations().get(random.nextInt(s.occupations().size())).id());
        case 18 -> get("/api/occupations?q=" + URLEncoder.encode(firstWord(
            s.occupations().get(random.nextInt(s.occupations().size())).label()), StandardCharsets.UTF_8));
        default -> get("/health");
      });
    }
    return calls;
  }

  private static HttpLoad.Call get(String path) {
    return new HttpLoad.Call("GET", path, null);
  }

  private static String firstWord(String label) {
    String word = label.split("\\s+")[0];
    return word.length() > 4 ? word.substring(0, 4) : word;
  }

  private Map<String, Long> mix() {
    Map<String, Long> mix = new LinkedHashMap<>();
    for (HttpLoad.Call c : calls) {
      String path = c.path().replaceAll("\\?.*", "?...").replaceAll("/api/(\\w+)/[^/?]+", "/api/$1/{id}");
      mix.merge(c.method() + " " + path, 1L, Long::sum);
    }
    return mix;
  }

  /** VmRSS of this process, in MiB, or NaN where /proc is missing. */
  static double rssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not on Linux: no figure
    }
    return Double.NaN;
  }

  /**
   * Clients that open a POST and send its body a byte a second: what starved the server before issue 16. A
   * connection the server drops (408 after its body timeout) is counted and opened again.
   */
  private static final class SlowUploads implements AutoCloseable {
    private final int port;
    private final List<Socket> sockets = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread trickler;

    SlowUploads(int port, int count) throws IOException {
      this.port = port;
      for (int i = 0; i < count; i++) {
        sockets.add(connect());
      }
      trickler = Thread.ofVirtual().name("soak-slow-uploads").start(this::trickle);
    }

    private Socket connect() throws IOException {
      Socket s = new Socket();
      s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      s.getOutputStream().write(SLOW_HEAD);
      return s;
    }

    private void trickle() {
      while (running.get()) {
        synchronized (sockets) {
          for (int i = 0; i < sockets.size(); i++) {
            try {
              OutputStream out = sockets.get(i).getOutputStream();
              out.write(' ');
              out.flush();
              if (sockets.get(i).getInputStream().available() > 0) {
                throw new IOException("answered: dropped");
              }
            } catch (IOException e) {
              dropped.incrementAndGet();
              closeQuietly(sockets.get(i));
              try {
                sockets.set(i, connect());
              } catch (IOException again) {
                // the server is at its connection limit: try again on the next round
              }
            }
          }
        }
        sleep(1000);
      }
    }

    int open() {
      synchronized (sockets) {
        return (int) sockets.stream().filter(s -> s.isConnected() && !s.isClosed()).count();
      }
    }

    long dropped() {
      return dropped.get();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      trickler.join();
      synchronized (sockets) {
        sockets.forEach(SlowUploads::closeQuietly);
      }
    }

    private static void closeQuietly(Socket s) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing a socket the server already closed
      }
    }
  }

  /** {@code GET /health} twice a second on its own connection: does a liveness probe get through meanwhile? */
  private static final class HealthProbe implements AutoCloseable {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread prober;

    HealthProbe(int port) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
          .timeout(Duration.ofSeconds(10)).build();
      prober = Thread.ofVirtual().name("soak-health").start(() -> {
        while (running.get()) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
              nanos.add(System.nanoTime() - t0);
            } else {
              failures.incrementAndGet();
            }
          } catch (IOException e) {
            failures.incrementAndGet();
          } catch (InterruptedException e) {
            return;
          }
          sleep(500);
        }
      });
    }

    Map<String, Object> summary() {
      Stats stats = Stats.of(nanos.stream().mapToLong(Long::longValue).toArray());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("probes", stats.count());
      m.put("failures", failures.get());
      m.put("p50Ms", stats.p50Ms());
      m.put("p99Ms", stats.p99Ms());
      m.put("maxMs", stats.maxMs());
      return m;
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      prober.join();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
