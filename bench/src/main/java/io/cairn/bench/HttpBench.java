package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.Cairn;
import io.cairn.server.http.CairnServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP throughput of {@code POST /api/recommendations}: the server in this JVM on 127.0.0.1, loaded by {@code wrk}
 * (Debian's package; a Lua script rotates realistic bodies) or, when wrk is missing, by a Java client with one
 * virtual thread per connection ({@link HttpLoad}). Always bounded in time and on loopback only.
 */
final class HttpBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Cairn cairn;
  private final List<HttpLoad.Call> calls;
  private final Path work;

  HttpBench(Cairn cairn, List<Map<String, Object>> bodies, Path work) throws IOException {
    this.cairn = cairn;
    this.work = work;
    List<HttpLoad.Call> list = new ArrayList<>();
    for (Map<String, Object> body : bodies) {
      list.add(new HttpLoad.Call("POST", "/api/recommendations", JSON.writeValueAsString(body)));
    }
    this.calls = list;
  }

  /**
   * Cairn under the load, then the {@link CeilingServer} replaying Cairn's answers under the same load: its
   * figures go under {@code ceiling}, and {@code shareOfCeiling} is Cairn's requests/s over the ceiling's.
   */
  Map<String, Object> run(int seconds, int warmupSeconds, int connections, boolean forceJava) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    String wrk = forceJava ? null : HttpLoad.findOnPath("wrk");
    String tool = wrk != null ? "wrk" : "Java client (wrk not found)";
    Map<String, byte[]> answers = new HashMap<>();
    try (Listening server = Listening.on(cairn)) {
      out.put("bind", "127.0.0.1:" + server.port());
      out.put("bodies", calls.size());
      out.put("sanity", sanity(server.port(), answers));
      Bench.progress("HTTP warm-up: %s %d s at %d connections", tool, warmupSeconds, connections);
      HttpLoad.run(wrk, work, "recommendations", calls, server.port(), warmupSeconds, connections);
      Bench.progress("HTTP: %s %d s at %d connections on 127.0.0.1:%d", tool, seconds, connections, server.port());
      out.putAll(HttpLoad.run(wrk, work, "recommendations", calls, server.port(), seconds, connections));
    }
    out.put("meanResponseBytes", answers.values().stream().mapToInt(b -> b.length).average().orElse(0));
    try (CeilingServer ceiling = CeilingServer.replaying(answers)) {
      Bench.progress("HTTP ceiling: a bare Javalin handler replaying Cairn's answers, %s %d s warm-up then %d s",
          tool, warmupSeconds, seconds);
      HttpLoad.run(wrk, work, "ceiling", calls, ceiling.port(), warmupSeconds, connections);
      Map<String, Object> measured = HttpLoad.run(wrk, work, "ceiling", calls, ceiling.port(), seconds, connections);
      measured.remove("wrkOutput");
      out.put("ceiling", measured);
      out.put("shareOfCeiling", ((Number) out.get("requestsPerSecond")).doubleValue()
          / ((Number) measured.get("requestsPerSecond")).doubleValue());
    }
    return out;
  }

  /** The API on loopback only, on a free port, with the limits {@code cairn serve} uses. */
  record Listening(CairnServer server, int port) implements AutoCloseable {
    static Listening on(Cairn cairn) {
      CairnServer server = CairnServer.create(cairn);
      return new Listening(server, server.start("127.0.0.1", 0));
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /**
   * One request of each body must answer 200 with a list; otherwise the load figures would mean nothing. Each
   * answer goes into {@code answers}, for the ceiling to replay.
   */
  private Map<String, Object> sanity(int port, Map<String, byte[]> answers) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int ok = 0;
    int results = 0;
    List<String> problems = new ArrayList<>();
    for (HttpLoad.Call call : calls) {
      HttpResponse<String> r = client.send(HttpLoad.request(port, call), HttpResponse.BodyHandlers.ofString());
      answers.put(call.body(), r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (r.statusCode() == 200) {
        ok++;
        JsonNode list = JSON.readTree(r.body()).get("items");
        results += list == null ? 0 : list.size();
      } else if (problems.size() < 3) {
        problems.add(r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", ok);
    m.put("of", calls.size());
    m.put("meanResults", ok == 0 ? 0 : results / (double) ok);
    m.put("problems", problems);
    return m;
  }
}
