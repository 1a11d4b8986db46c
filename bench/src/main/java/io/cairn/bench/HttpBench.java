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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP throughput of {@code POST /api/recommendations} as a client sends it (no query: the compact explanations):
 * the server in this JVM on 127.0.0.1, loaded by {@code wrk} (Debian's package; a Lua script rotates realistic
 * bodies) or, when wrk is missing, by a Java client with one virtual thread per connection ({@link HttpLoad}).
 * Always bounded in time and on loopback only. The same bodies with {@code ?explain=full} are asked once each,
 * not under load, for the size of the full form beside the compact one.
 */
final class HttpBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/api/recommendations";
  private static final String FULL = PATH + "?explain=full";

  private final Cairn cairn;
  private final List<HttpLoad.Call> calls;
  private final List<HttpLoad.Call> fullCalls;
  private final Path work;

  HttpBench(Cairn cairn, List<Map<String, Object>> bodies, Path work) throws IOException {
    this.cairn = cairn;
    this.work = work;
    List<HttpLoad.Call> list = new ArrayList<>();
    List<HttpLoad.Call> full = new ArrayList<>();
    for (Map<String, Object> body : bodies) {
      String json = JSON.writeValueAsString(body);
      list.add(new HttpLoad.Call("POST", PATH, json));
      full.add(new HttpLoad.Call("POST", FULL, json));
    }
    this.calls = list;
    this.fullCalls = full;
  }

  /**
   * Cairn under the load between two loads of the {@link CeilingServer} replaying Cairn's answers, one before and
   * one after: their figures go under {@code ceilingBefore} and {@code ceiling}, and {@code shareOfCeiling} is
   * Cairn's requests/s over the mean of the two. On a shared host whose speed drifts by a third within minutes, a
   * ceiling measured only after Cairn's load compared Cairn with a different machine; bracketing the window cancels a
   * steady drift, and {@code ceilingDrift} (after over before) says how far the host moved meanwhile.
   */
  Map<String, Object> run(int seconds, int warmupSeconds, int connections, boolean forceJava) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    String wrk = forceJava ? null : HttpLoad.findOnPath("wrk");
    String tool = wrk != null ? "wrk" : "Java client (wrk not found)";
    Map<HttpLoad.Call, CeilingServer.Answer> answers;
    Map<HttpLoad.Call, CeilingServer.Answer> full;
    try (Listening server = Listening.on(cairn)) {
      out.put("bind", "127.0.0.1:" + server.port());
      out.put("bodies", calls.size());
      out.put("request", "POST " + PATH + " (the default: compact explanations)");
      answers = answers(server.port(), calls);
      full = answers(server.port(), fullCalls);
      out.put("sanity", sanity(answers));
      out.put("fullFormSanity", sanity(full));
      try (CeilingServer ceiling = CeilingServer.replaying(answers)) {
        out.put("ceilingReplaysCairnsAnswers", same(answers, answers(ceiling.port(), calls)));
        Map<String, Object> before = ceilingLoad(wrk, tool, "before", ceiling.port(), warmupSeconds, seconds,
            connections);
        out.putAll(warmedLoad(wrk, tool, "recommendations", server.port(), warmupSeconds, seconds, connections));
        // the ceiling replays what Cairn answered before the load: that must still be what it answers
        out.put("answersUnchangedAfterLoad", same(answers, answers(server.port(), calls)));
        Map<String, Object> after = ceilingLoad(wrk, tool, "after", ceiling.port(), warmupSeconds, seconds,
            connections);
        out.put("ceilingBefore", before);
        out.put("ceiling", after);
        double beforeRate = requestsPerSecond(before);
        double afterRate = requestsPerSecond(after);
        double ceilingRate = (beforeRate + afterRate) / 2;
        out.put("ceilingRequestsPerSecond", ceilingRate);
        out.put("ceilingDrift", afterRate / beforeRate);
        out.put("shareOfCeiling", requestsPerSecond(out) / ceilingRate);
      }
    }
    out.put("meanResponseBytes", meanBytes(answers));
    out.put("meanFullResponseBytes", meanBytes(full));
    out.put("bytesByField", AnswerBytes.of(answers.values().stream().map(CeilingServer.Answer::body).toList()));
    out.put("fullBytesByField", AnswerBytes.of(full.values().stream().map(CeilingServer.Answer::body).toList()));
    Bench.progress("    answer bytes: compact %.0f, full %.0f (mean of %d bodies)", out.get("meanResponseBytes"),
        out.get("meanFullResponseBytes"), calls.size());
    return out;
  }

  /** One of the ceiling's two loads ({@code when} it runs: before or after Cairn's), warmed as Cairn's is. */
  private Map<String, Object> ceilingLoad(String wrk, String tool, String when, int port, int warmupSeconds,
      int seconds, int connections) throws Exception {
    Bench.progress("HTTP ceiling, %s Cairn's load: a bare Javalin handler replaying Cairn's answers, %s, warm-up "
        + "then %d s", when, tool, seconds);
    Map<String, Object> measured = warmedLoad(wrk, tool, "ceiling", port, warmupSeconds, seconds, connections);
    measured.remove("wrkOutput");
    return measured;
  }

  private static double requestsPerSecond(Map<String, Object> load) {
    return ((Number) load.get("requestsPerSecond")).doubleValue();
  }

  /**
   * The measured load of {@code seconds} after a warm-up in rounds of {@code roundSeconds} until the JIT compiler
   * settles, its first rounds on fewer connections ({@link JitSettling}): a server is measured
   * as it runs for hours, not while its handler is still being compiled. On 2 cores the compiler shares them with
   * wrk and the server; after a fixed 5 s it still took a sixth of the CPU in the measured window (issue 18's
   * profile), and the figure moved with how far it had got.
   */
  private Map<String, Object> warmedLoad(String wrk, String tool, String name, int port, int roundSeconds,
      int seconds, int connections) throws Exception {
    Map<String, Object> warmup = warmUp(wrk, tool, name, port, roundSeconds, connections);
    Bench.progress("HTTP (%s): %s %d s at %d connections on 127.0.0.1:%d", name, tool, seconds, connections, port);
    long compiling = JitSettling.compilationMillis();
    CpuShare.Sample before = CpuShare.now();
    Map<String, Object> measured = HttpLoad.run(wrk, work, name, calls, port, seconds, connections);
    CpuShare.Sample after = CpuShare.now();
    warmup.put("compilationMillisDuringMeasurement", JitSettling.compilationMillis() - compiling);
    measured.put("warmup", warmup);
    measured.put("cpu", CpuShare.between(before, after, ((Number) measured.get("requests")).longValue()));
    return measured;
  }

  private Map<String, Object> warmUp(String wrk, String tool, String name, int port, int roundSeconds,
      int connections) throws Exception {
    JitSettling settling = new JitSettling(roundSeconds, connections, Runtime.getRuntime().availableProcessors());
    do {
      int load = settling.nextRoundConnections();
      Bench.progress("HTTP warm-up (%s): %s %d s at %d connections%s", name, tool, roundSeconds, load,
          settling.rounds() == 0 ? "" : String.format(", the JIT compiled for %d ms in the last round",
              settling.lastRoundMillis()));
      settling.startRound();
      HttpLoad.run(wrk, work, name, calls, port, roundSeconds, load);
      settling.endRound();
    } while (!settling.settled());
    return settling.summary();
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

  /** One answer to each call, one after the other, as it came over the wire. */
  private static Map<HttpLoad.Call, CeilingServer.Answer> answers(int port, List<HttpLoad.Call> calls)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<HttpLoad.Call, CeilingServer.Answer> answers = new LinkedHashMap<>();
    for (HttpLoad.Call call : calls) {
      HttpResponse<byte[]> r = client.send(HttpLoad.request(port, call), HttpResponse.BodyHandlers.ofByteArray());
      answers.put(call, new CeilingServer.Answer(r.statusCode(),
          r.headers().firstValue("Content-Type").orElse("application/octet-stream"), r.body()));
    }
    return answers;
  }

  /**
   * Every body must answer 200 with a list; otherwise the load figures would mean nothing. Counts the answers that
   * did and their suggestions, and shows the first few that did not.
   */
  private static Map<String, Object> sanity(Map<HttpLoad.Call, CeilingServer.Answer> answers) throws IOException {
    int ok = 0;
    int results = 0;
    List<String> problems = new ArrayList<>();
    for (CeilingServer.Answer a : answers.values()) {
      String body = new String(a.body(), java.nio.charset.StandardCharsets.UTF_8);
      if (a.status() == 200) {
        ok++;
        JsonNode list = JSON.readTree(body).get("items");
        results += list == null ? 0 : list.size();
      } else if (problems.size() < 3) {
        problems.add(a.status() + " " + body.substring(0, Math.min(300, body.length())));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", ok);
    m.put("of", answers.size());
    m.put("meanResults", ok == 0 ? 0 : results / (double) ok);
    m.put("problems", problems);
    return m;
  }

  /** Whether {@code again} answered each call with the same status, content type and bytes as {@code first}. */
  private static boolean same(Map<HttpLoad.Call, CeilingServer.Answer> first,
      Map<HttpLoad.Call, CeilingServer.Answer> again) {
    return first.keySet().equals(again.keySet()) && first.entrySet().stream().allMatch(e -> {
      CeilingServer.Answer a = e.getValue();
      CeilingServer.Answer b = again.get(e.getKey());
      return a.status() == b.status() && a.contentType().equals(b.contentType()) && Arrays.equals(a.body(), b.body());
    });
  }

  private static double meanBytes(Map<HttpLoad.Call, CeilingServer.Answer> answers) {
    return answers.values().stream().mapToInt(a -> a.body().length).average().orElse(0);
  }
}
