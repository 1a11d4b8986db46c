package io.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.Cairn;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTTP bench end to end, for a second at each step, over the embedded sample: it loads the request a client
 * sends (compact explanations), the ceiling replays exactly what Cairn answered and is loaded before and after
 * Cairn's load, and both forms' sizes are reported, the compact one smaller.
 */
class HttpBenchTest {

  @Test
  @SuppressWarnings("unchecked")
  void measuresTheDefaultRequestAgainstACeilingThatReplaysCairnsAnswers() throws Exception {
    Path work = Files.createTempDirectory("cairn-http-bench-test");
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      catalog.loadSampleIfEmpty();
      List<Map<String, Object>> bodies = new RequestGenerator(catalog.snapshot(), 7).questions(8, 10).stream()
          .map(RequestGenerator.Question::body).toList();
      Map<String, Object> http;
      try (Cairn cairn = Cairn.over(catalog)) {
        http = new HttpBench(cairn, bodies, work).run(1, 0, 2, true);
      }
      assertEquals("POST /api/recommendations (the default: compact explanations)", http.get("request"));
      Map<String, Object> sanity = (Map<String, Object>) http.get("sanity");
      assertEquals(sanity.get("of"), sanity.get("ok"), "every body answered 200: " + sanity);
      assertEquals(sanity.get("of"), ((Map<String, Object>) http.get("fullFormSanity")).get("ok"));
      assertEquals(0L, ((Number) http.get("errors")).longValue(), "no error under load: " + http);
      assertEquals(true, http.get("answersUnchangedAfterLoad"));
      assertEquals(true, http.get("ceilingReplaysCairnsAnswers"));
      double compact = ((Number) http.get("meanResponseBytes")).doubleValue();
      double full = ((Number) http.get("meanFullResponseBytes")).doubleValue();
      assertTrue(compact > 0 && compact < full, "compact " + compact + " bytes, full " + full);
      assertEquals(compact, ((Number) ((Map<String, Object>) http.get("bytesByField")).get("total")).doubleValue());
      assertEquals(full, ((Number) ((Map<String, Object>) http.get("fullBytesByField")).get("total")).doubleValue());
      // the ceiling is loaded before and after Cairn, and Cairn's share is of the mean of the two
      Map<String, Object> before = (Map<String, Object>) http.get("ceilingBefore");
      Map<String, Object> after = (Map<String, Object>) http.get("ceiling");
      double beforeRate = ((Number) before.get("requestsPerSecond")).doubleValue();
      double afterRate = ((Number) after.get("requestsPerSecond")).doubleValue();
      assertTrue(beforeRate > 0 && afterRate > 0, http.toString());
      assertEquals((beforeRate + afterRate) / 2, ((Number) http.get("ceilingRequestsPerSecond")).doubleValue(), 1e-9);
      assertEquals(afterRate / beforeRate, ((Number) http.get("ceilingDrift")).doubleValue(), 1e-9);
      assertEquals(((Number) http.get("requestsPerSecond")).doubleValue() / ((beforeRate + afterRate) / 2),
          ((Number) http.get("shareOfCeiling")).doubleValue(), 1e-9);
      // where the processors went under each load: the server's own time per request, and the machine's shares
      for (Map<String, Object> load : List.of(http, before, after)) {
        Map<String, Object> cpu = (Map<String, Object>) load.get("cpu");
        assertTrue(((Number) cpu.get("jvmMicrosPerRequest")).doubleValue() > 0, cpu.toString());
        double shares = ((Number) cpu.get("busyShare")).doubleValue() + ((Number) cpu.get("idleShare")).doubleValue()
            + ((Number) cpu.get("stolenShare")).doubleValue();
        assertEquals(1.0, shares, 1e-9, cpu.toString());
      }
    }
  }
}
