package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.server.http.CairnServer;
import java.io.IOException;
import java.net.URI;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP throughput of {@code POST /api/recommendations}: the server in this JVM on 127.0.0.1, loaded by {@code wrk}
 * (Debian's package; a Lua script rotates realistic bodies) or, when wrk is missing, by a Java client with one
 * virtual thread per connection. Always bounded in time and on loopback only.
 */
final class HttpBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Cairn cairn;
  private final List<String> bodies;
  private final Path work;

  HttpBench(Cairn cairn, List<Map<String, Object>> bodies, Path work) throws IOException {
    this.cairn = cairn;
    this.work = work;
    List<String> texts = new ArrayList<>();
    for (Map<String, Object> body : bodies) {
      texts.add(JSON.writeValueAsString(body));
    }
    this.bodies = texts;
  }

  Map<String, Object> run(int seconds, int warmupSeconds, int connections, boolean forceJava) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Listening server = listen(cairn)) {
      out.put("bind", server.host + ":" + server.port);
      out.put("bodies", bodies.size());
      out.put("sanity", sanity(server.port));
      String wrk = forceJava ? null : findOnPath("wrk");
      Map<String, Object> measured;
      if (wrk != null) {
        Path script = writeScript();
        Bench.progress("HTTP warm-up: wrk %d s at %d connections", warmupSeconds, connections);
        runWrk(wrk, script, server.port, warmupSeconds, connections);
        Bench.progress("HTTP: wrk %d s at %d connections on 127.0.0.1:%d", seconds, connections, server.port);
        measured = runWrk(wrk, script, server.port, seconds, connections);
        measured.put("loadGenerator", "wrk (" + wrk + ") with a Lua script rotating " + bodies.size() + " bodies");
      } else {
        Bench.progress("HTTP warm-up: Java client %d s at %d connections (wrk not found)", warmupSeconds, connections);
        javaLoad(server.port, warmupSeconds, connections);
        Bench.progress("HTTP: Java client %d s at %d connections on 127.0.0.1:%d", seconds, connections, server.port);
        measured = javaLoad(server.port, seconds, connections);
        measured.put("loadGenerator", "Java HttpClient, one virtual thread per connection (wrk not found)");
      }
      out.putAll(measured);
    }
    return out;
  }

  // ------------------------------------------------------------------ server

  private record Listening(CairnServer server, String host, int port) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }

  /** Starts the API on loopback only, on a free port. */
  private static Listening listen(Cairn cairn) {
    CairnServer server = CairnServer.create(cairn);
    return new Listening(server, "127.0.0.1", server.start("127.0.0.1", 0));
  }

  /** One request of each body must answer 200 with a list; otherwise the load figures would mean nothing. */
  private Map<String, Object> sanity(int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int ok = 0;
    int results = 0;
    List<String> problems = new ArrayList<>();
    for (String body : bodies) {
      HttpResponse<String> r = client.send(request(port, body), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        ok++;
        JsonNode json = JSON.readTree(r.body());
        JsonNode list = json.get("items");
        results += list == null ? 0 : list.size();
      } else if (problems.size() < 3) {
        problems.add(r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", ok);
    m.put("of", bodies.size());
    m.put("meanResults", ok == 0 ? 0 : results / (double) ok);
    m.put("problems", problems);
    return m;
  }

  private static HttpRequest request(int port, String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recommendations"))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  // ------------------------------------------------------------------ wrk

  private Path writeScript() throws IOException {
    StringBuilder lua = new StringBuilder();
    lua.append("-- written by the Cairn bench: POST /api/recommendations rotating realistic bodies\n");
    lua.append("local bodies = {\n");
    for (String body : bodies) {
      lua.append("  [==[").append(body).append("]==],\n");
    }
    lua.append("}\n");
    lua.append("""
        local i = 0
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        request = function()
          i = i % #bodies + 1
          return wrk.format(nil, "/api/recommendations", nil, bodies[i])
        end
        done = function(summary, latency, requests)
          io.write(string.format('BENCHJSON {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,' ..
            '"readErrors":%d,"writeErrors":%d,"non2xx3xx":%d,"timeouts":%d,"latencyP50Us":%d,"latencyP99Us":%d,' ..
            '"latencyMaxUs":%d}\\n', summary.requests, summary.duration, summary.bytes, summary.errors.connect,
            summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
            latency:percentile(50), latency:percentile(99), latency.max))
        end
        """);
    Path script = work.resolve("recommendations.lua");
    Files.writeString(script, lua.toString());
    return script;
  }

  private Map<String, Object> runWrk(String wrk, Path script, int port, int seconds, int connections)
      throws Exception {
    int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
    List<String> cmd = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "5s",
        "-s", script.toString(), "http://127.0.0.1:" + port + "/api/recommendations");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("wrk did not finish");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", String.join(" ", cmd));
    String line = output.lines().filter(l -> l.startsWith("BENCHJSON ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk printed no summary:\n" + output));
    JsonNode s = JSON.readTree(line.substring("BENCHJSON ".length()));
    double secondsRun = s.get("durationUs").asLong() / 1e6;
    long requests = s.get("requests").asLong();
    long socketErrors = s.get("connectErrors").asLong() + s.get("readErrors").asLong()
        + s.get("writeErrors").asLong() + s.get("timeouts").asLong();
    long non2xx = s.get("non2xx3xx").asLong();
    m.put("seconds", secondsRun);
    m.put("connections", connections);
    m.put("threads", threads);
    m.put("requests", requests);
    m.put("requestsPerSecond", requests / secondsRun);
    m.put("non2xx", non2xx);
    m.put("socketErrors", socketErrors);
    m.put("errors", non2xx + socketErrors);
    m.put("latencyP50Ms", s.get("latencyP50Us").asLong() / 1000.0);
    m.put("latencyP99Ms", s.get("latencyP99Us").asLong() / 1000.0);
    m.put("latencyMaxMs", s.get("latencyMaxUs").asLong() / 1000.0);
    m.put("wrkOutput", output.lines().filter(l -> !l.startsWith("BENCHJSON ")).toList());
    return m;
  }

  // ------------------------------------------------------------------ Java fallback

  private Map<String, Object> javaLoad(int port, int seconds, int connections) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
    AtomicLong ok = new AtomicLong();
    AtomicLong non2xx = new AtomicLong();
    AtomicLong socketErrors = new AtomicLong();
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int offset = c;
      threads.add(Thread.ofVirtual().start(() -> {
        long[] mine = new long[1 << 20];
        int n = 0;
        int i = offset;
        while (System.nanoTime() < deadline) {
          String body = bodies.get(i++ % bodies.size());
          long t0 = System.nanoTime();
          try {
            HttpResponse<Void> r = client.send(request(port, body), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 == 2) {
              ok.incrementAndGet();
            } else {
              non2xx.incrementAndGet();
            }
          } catch (IOException e) {
            socketErrors.incrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          if (n < mine.length) {
            mine[n++] = System.nanoTime() - t0;
          }
        }
        latencies.add(java.util.Arrays.copyOf(mine, n));
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double secondsRun = (System.nanoTime() - start) / 1e9;
    long total = ok.get() + non2xx.get() + socketErrors.get();
    long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    Stats stats = Stats.of(all);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", secondsRun);
    m.put("connections", connections);
    m.put("requests", total);
    m.put("requestsPerSecond", total / secondsRun);
    m.put("non2xx", non2xx.get());
    m.put("socketErrors", socketErrors.get());
    m.put("errors", non2xx.get() + socketErrors.get());
    m.put("latencyP50Ms", stats.p50Ms());
    m.put("latencyP99Ms", stats.p99Ms());
    m.put("latencyMaxMs", stats.maxMs());
    return m;
  }

  static String findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
