package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * HTTP load on loopback, rotating a fixed list of calls: {@code wrk} (Debian's package) with a Lua script, or,
 * when wrk is missing, a Java client with one virtual thread per connection. Always bounded in time. Both report
 * requests, requests/s, non-2xx answers, socket errors and latency percentiles under the same keys.
 */
final class HttpLoad {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpLoad() {}

  /** One request of the rotation; {@code body} is JSON, or null for none. */
  record Call(String method, String path, String body) {}

  /** Runs the calls for {@code seconds} at {@code connections}; wrk when {@code wrk} is its path, else Java. */
  static Map<String, Object> run(String wrk, Path work, String name, List<Call> calls, int port, int seconds,
      int connections) throws Exception {
    Map<String, Object> measured;
    if (wrk != null) {
      measured = runWrk(wrk, writeScript(work, name, calls), port, seconds, connections);
      measured.put("loadGenerator", "wrk (" + wrk + ") with a Lua script rotating " + calls.size() + " requests");
    } else {
      measured = javaLoad(port, calls, seconds, connections);
      measured.put("loadGenerator", "Java HttpClient, one virtual thread per connection (wrk not found)");
    }
    return measured;
  }

  private static Path writeScript(Path work, String name, List<Call> calls) throws IOException {
    StringBuilder lua = new StringBuilder();
    lua.append("-- written by the Cairn bench: rotates ").append(calls.size()).append(" requests\n");
    lua.append("local calls = {\n");
    for (Call c : calls) {
      lua.append("  {\"").append(c.method()).append("\", [==[").append(c.path()).append("]==], ")
          .append(c.body() == null ? "nil" : "[==[" + c.body() + "]==]").append("},\n");
    }
    lua.append("}\n");
    lua.append("""
        local i = 0
        local json = { ["Content-Type"] = "application/json" }
        request = function()
          i = i % #calls + 1
          local c = calls[i]
          if c[3] then
            return wrk.format(c[1], c[2], json, c[3])
          end
          return wrk.format(c[1], c[2])
        end
        done = function(summary, latency, requests)
          io.write(string.format('BENCHJSON {"requests":%d,"durationUs":%d,"bytes":%d,"connectErrors":%d,' ..
            '"readErrors":%d,"writeErrors":%d,"non2xx3xx":%d,"timeouts":%d,"latencyP50Us":%d,"latencyP99Us":%d,' ..
            '"latencyMaxUs":%d}\\n', summary.requests, summary.duration, summary.bytes, summary.errors.connect,
            summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
            latency:percentile(50), latency:percentile(99), latency.max))
        end
        """);
    Path script = work.resolve(name + ".lua");
    Files.writeString(script, lua.toString());
    return script;
  }

  private static Map<String, Object> runWrk(String wrk, Path script, int port, int seconds, int connections)
      throws Exception {
    int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
    List<String> cmd = List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "5s",
        "-s", script.toString(), "http://127.0.0.1:" + port + "/");
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

  private static Map<String, Object> javaLoad(int port, List<Call> calls, int seconds, int connections)
      throws Exception {
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
          Call call = calls.get(i++ % calls.size());
          long t0 = System.nanoTime();
          try {
            HttpResponse<Void> r = client.send(request(port, call), HttpResponse.BodyHandlers.discarding());
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
    Stats stats = Stats.of(latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray());
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

  static HttpRequest request(int port, Call call) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
        .timeout(Duration.ofSeconds(10));
    if (call.body() == null) {
      return b.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
    }
    return b.header("Content-Type", "application/json")
        .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8)).build();
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
