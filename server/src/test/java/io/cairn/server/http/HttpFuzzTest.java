package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.GraphStore;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded HTTP fuzzer over every operation of openapi.json (issue 16), against a real server over the sample in
 * memory: a few hundred mutated requests per operation ({@link FuzzRequests}), each on its own connection, written
 * byte for byte. Whatever is sent, the server answers within a generous bound, never with a 5xx; every 4xx is an
 * RFC 9457 problem in UTF-8 that parses and matches the Problem schema; no body shows a stack trace, a Java type or
 * one of the server's paths; and the store's version, graphs and counts are unchanged after each operation.
 *
 * <p>{@code -Dcairn.fuzz.seed=N} and {@code -Dcairn.fuzz.requests=N} (per operation) vary the run; a failure prints
 * the seed and the failing requests. The status table (count per operation per status) is printed at the end.
 */
class HttpFuzzTest {
  private static final long SEED = Long.getLong("cairn.fuzz.seed", 20_261_116L);
  private static final int REQUESTS = Integer.getInteger("cairn.fuzz.requests", 300);
  /** A hang, not a slow answer: the slowest answer is printed for reading. */
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final int SHOWN_FAILURES = 8;
  /** No status, for a request that got no answer at all. */
  private static final int NO_ANSWER = 0;

  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();
  private static final Map<String, Map<Integer, Integer>> TABLE = new ConcurrentHashMap<>();
  private static final List<String> ORDER = new ArrayList<>();
  private static volatile long slowestMillis;
  private static volatile String slowest = "";

  static List<FuzzOperation> operations() {
    return FuzzOperation.all(contract);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void mutatedRequestsNeverBreakTheServer(FuzzOperation op) {
    long seed = SEED ^ op.key().hashCode();
    FuzzRequests requests = new FuzzRequests(op, contract, new Random(seed), knownStrings());
    Fingerprint before = Fingerprint.of(server.cairn());
    Map<Integer, Integer> counts = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      FuzzRequests.Request request = requests.next();
      Optional<String> problem;
      try {
        RawHttp.Response response = RawHttp.exchange(server.port(), request.bytes(), BOUND, true);
        counts.merge(response.status(), 1, Integer::sum);
        noteTime(op, response.millis());
        problem = check(op, request, response);
      } catch (UncheckedIOException e) {
        counts.merge(NO_ANSWER, 1, Integer::sum);
        problem = Optional.of("no answer within " + BOUND.toSeconds() + " s: " + e.getCause().getMessage());
      }
      int index = i;
      problem.ifPresent(p -> failures.add("#" + index + " (" + request.description() + "): " + p + "\n  request: "
          + RawHttp.shown(request.bytes()).replace("\r\n", "\\r\\n")));
    }
    synchronized (ORDER) {
      ORDER.add(op.key());
    }
    TABLE.put(op.key(), counts);
    assertEquals(before, Fingerprint.of(server.cairn()), "the store changed under " + op.key() + " (seed " + seed
        + ")");
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + REQUESTS + " requests to " + op.key() + " broke an invariant; seed " + SEED
          + " (-Dcairn.fuzz.seed=" + SEED + ", this operation's stream " + seed + "). First "
          + Math.min(SHOWN_FAILURES, failures.size()) + ":\n" + failures.stream().limit(SHOWN_FAILURES)
              .collect(Collectors.joining("\n")));
    }
  }

  /** What is wrong with one answer, if anything. */
  private static Optional<String> check(FuzzOperation op, FuzzRequests.Request request, RawHttp.Response response) {
    String what = response.status() + " " + response.header("content-type").orElse("(no Content-Type)") + ": "
        + abbreviated(response.body());
    if (response.status() >= 500) {
      return Optional.of("a server error: " + what);
    }
    if (response.millis() > BOUND.toMillis()) {
      return Optional.of("answered after " + response.millis() + " ms: " + what);
    }
    if (request.method().equals("HEAD")) {
      return Optional.empty();
    }
    String mediaType = response.mediaType();
    if (response.status() >= 400) {
      if (!mediaType.equals(Problem.CONTENT_TYPE)) {
        return Optional.of("a 4xx that is not problem+json: " + what);
      }
      String charset = response.header("content-type").orElse("").toLowerCase(Locale.ROOT);
      if (charset.contains("charset=") && !charset.contains("charset=utf-8")) {
        return Optional.of("a problem not in UTF-8: " + what);
      }
      if (!isUtf8(response.bytes())) {
        return Optional.of("a problem whose bytes are not UTF-8: " + what);
      }
      JsonNode problem;
      try {
        problem = TestServer.JSON.readTree(response.body());
      } catch (Exception e) {
        return Optional.of("a problem that does not parse: " + what);
      }
      List<String> errors = contract.errorsAgainstComponent("Problem", response.body());
      if (!errors.isEmpty() || problem.path("status").asInt() != response.status()) {
        return Optional.of("a problem that does not match the Problem schema " + errors + ": " + what);
      }
    }
    boolean generated = mediaType.endsWith("json") && !op.template().equals("/openapi.json");
    if (generated || response.status() >= 400) {
      Optional<String> leak = Leaks.find(response.body());
      if (leak.isPresent()) {
        return Optional.of("the body shows " + leak.get() + ": " + what);
      }
    }
    return Optional.empty();
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Strings the document itself gives as examples: real ids of the sample, so some requests go deep. */
  private static List<String> knownStrings() {
    TreeSet<String> strings = new TreeSet<>();
    collectExamples(contract.document(), false, strings);
    assertFalse(strings.isEmpty(), "the OpenAPI document has no examples to start from");
    return List.copyOf(strings);
  }

  private static void collectExamples(JsonNode node, boolean inExample, TreeSet<String> out) {
    if (node.isTextual() && inExample && node.asText().length() < 200) {
      out.add(node.asText());
    } else if (node.isObject()) {
      node.properties().forEach(e -> collectExamples(e.getValue(),
          inExample || e.getKey().equals("example") || e.getKey().equals("examples"), out));
    } else if (node.isArray()) {
      node.forEach(n -> collectExamples(n, inExample, out));
    }
  }

  private static void noteTime(FuzzOperation op, long millis) {
    if (millis > slowestMillis) {
      slowestMillis = millis;
      slowest = op.key();
    }
  }

  private static String abbreviated(String body) {
    String oneLine = body.replace("\n", "\\n");
    return oneLine.length() > 400 ? oneLine.substring(0, 400) + "..." : oneLine;
  }

  /** Prints the status table the issue asks for: requests per operation per status. */
  @AfterAll
  static void printStatusTable() {
    TreeSet<Integer> statuses = new TreeSet<>();
    TABLE.values().forEach(m -> statuses.addAll(m.keySet()));
    int width = ORDER.stream().mapToInt(String::length).max().orElse(10) + 2;
    StringBuilder out = new StringBuilder(String.format("%nHttpFuzzTest: seed %d, %d requests per operation, "
        + "%d operations; slowest answer %d ms (%s)%n", SEED, REQUESTS, ORDER.size(), slowestMillis, slowest));
    out.append(String.format("%-" + width + "s", "operation"));
    statuses.forEach(s -> out.append(String.format("%7s", s == NO_ANSWER ? "none" : s)));
    out.append(String.format("%8s%n", "total"));
    Map<Integer, Integer> totals = new TreeMap<>();
    for (String key : ORDER) {
      Map<Integer, Integer> counts = TABLE.get(key);
      out.append(String.format("%-" + width + "s", key));
      statuses.forEach(s -> out.append(String.format("%7d", counts.getOrDefault(s, 0))));
      out.append(String.format("%8d%n", counts.values().stream().mapToInt(Integer::intValue).sum()));
      counts.forEach((s, n) -> totals.merge(s, n, Integer::sum));
    }
    out.append(String.format("%-" + width + "s", "all"));
    statuses.forEach(s -> out.append(String.format("%7d", totals.getOrDefault(s, 0))));
    out.append(String.format("%8d%n", totals.values().stream().mapToInt(Integer::intValue).sum()));
    System.out.print(out);
  }

  /** What must not change however the API is called: the store's version, its graphs and sizes, the catalog. */
  record Fingerprint(long storeVersion, Map<String, Long> graphSizes, long catalogVersion, int competencies,
      int occupations, int credentials, int pathways) {
    static Fingerprint of(Cairn cairn) {
      GraphStore store = cairn.catalog().store();
      Map<String, Long> sizes = new TreeMap<>();
      store.sources().forEach(g -> sizes.put(g, store.graphSize(g)));
      CatalogSnapshot s = cairn.snapshot();
      return new Fingerprint(store.version(), sizes, s.version(), s.competencies().size(), s.occupations().size(),
          s.credentials().size(), s.pathways().size());
    }
  }
}
