package io.cairn.server.http;

import static io.cairn.server.http.CompactFormAssertions.COMPACT;
import static io.cairn.server.http.CompactFormAssertions.FULL;
import static io.cairn.server.http.CompactFormAssertions.RECOMMEND;
import static io.cairn.server.http.TestServer.json;
import static io.cairn.server.http.TestServer.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.Cairn;
import io.cairn.catalog.CatalogSnapshot;
import io.cairn.server.api.JsonMapping;
import io.cairn.server.api.RequestBodies;
import io.cairn.server.api.Views;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two forms of {@code POST /api/recommendations} over real HTTP, for every sample learner asking for ten
 * suggestions: compact by default, smaller, and the full form's data by id; {@code ?explain=full} the body the
 * handler has always streamed. Each answer is checked against its schema in openapi.json.
 */
class ExplanationFormsApiTest {
  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();
  /** Bytes of each learner's answer in each form, printed at the end. */
  private static final Map<String, long[]> BYTES = new ConcurrentHashMap<>();

  static Stream<Arguments> learners() {
    return TestServer.sampleFiles("learners").stream().map(f -> Arguments.of(Named.of(f.getFileName().toString(), f)));
  }

  /** The sample learner's request asking for ten suggestions: the list the bench and issue 18 measure. */
  private static String tenSuggestions(Path file) {
    ObjectNode body = (ObjectNode) json(TestServer.read(file));
    return body.put("k", 10).toString();
  }

  private static HttpResponse<String> recommend(String path, String body) {
    HttpResponse<String> response = server.postJson(path, body);
    okJson(response);
    contract.assertResponseMatches(RECOMMEND, "post", response);
    return response;
  }

  private static int bytes(HttpResponse<String> response) {
    return response.body().getBytes(StandardCharsets.UTF_8).length;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void compactIsTheDefaultAndTheFullFormsDataById(Path file) {
    String body = tenSuggestions(file);
    HttpResponse<String> byDefault = recommend(RECOMMEND, body);
    HttpResponse<String> compact = recommend(COMPACT, body);
    HttpResponse<String> full = recommend(FULL, body);
    assertEquals(compact.body(), byDefault.body(), "no parameter is explain=compact");
    contract.assertMatchesComponent("CompactRecommendationList", compact.body());
    contract.assertMatchesComponent("RecommendationList", full.body());
    JsonNode fullList = json(full.body());
    assertFalse(fullList.get("items").isEmpty(), "every sample learner gets suggestions");
    assertFalse(contract.errorsAgainstComponent("RecommendationList", compact.body()).isEmpty(),
        "the compact form is not the full one");
    CompactFormAssertions.assertSameAnswer(json(compact.body()), fullList);
    assertTrue(bytes(compact) < bytes(full), "compact " + bytes(compact) + " bytes, full " + bytes(full));
    BYTES.put(file.getFileName().toString(), new long[] {bytes(compact), bytes(full)});
  }

  @Test
  void theSampleAnswersUseEveryPartOfTheCompactForm() {
    // otherwise the comparison above could pass on lists that are all empty
    Map<String, Integer> used = new TreeMap<>();
    for (Path file : TestServer.sampleFiles("learners")) {
      for (JsonNode item : okJson(server.postJson(RECOMMEND, tenSuggestions(file))).get("items")) {
        item.get("explanation").properties().forEach(f -> used.merge(f.getKey(),
            !f.getValue().isArray() || !f.getValue().isEmpty() ? 1 : 0, Integer::sum));
      }
    }
    for (String field : new String[] {"covers", "advances", "stacksInto", "unlocks", "missingPrerequisites",
        "missingCompetencies"}) {
      assertTrue(used.getOrDefault(field, 0) > 0, "no sample answer has " + field + ": " + used);
    }
  }

  @Test
  void explainFullIsTheListTheHandlerAlwaysStreamed() throws Exception {
    // the full form is the view the endpoint answered before it had a compact one, built in this JVM from the
    // same engine and snapshot as the server's
    ObjectMapper mapper = JsonMapping.create();
    Cairn cairn = server.cairn();
    for (Path file : TestServer.sampleFiles("learners")) {
      String body = tenSuggestions(file);
      RequestBodies.RecommendationBody request = JsonMapping.read(mapper, body, RequestBodies.RecommendationBody.class);
      CatalogSnapshot snapshot = cairn.snapshot();
      Views.RecommendationsView<Views.ExplanationView> view = new Views(snapshot)
          .recommendations(cairn.recommend(request.toRequest()), cairn.demand(snapshot));
      assertEquals(json(mapper.writeValueAsString(view)), json(recommend(FULL, body).body()), file.toString());
    }
  }

  @Test
  void theCompactFormIsAtMostThreeFifthsOfTheFullOne() {
    long compact = 0;
    long full = 0;
    for (Path file : TestServer.sampleFiles("learners")) {
      String body = tenSuggestions(file);
      compact += bytes(recommend(RECOMMEND, body));
      full += bytes(recommend(FULL, body));
    }
    assertTrue(compact <= full * 3 / 5, "compact " + compact + " bytes in all, full " + full);
  }

  @AfterAll
  static void printBytes() {
    // the figures behind the compact form, for reading in the test log (k = 10, the sample catalog)
    new TreeMap<>(BYTES).forEach((learner, b) -> System.out.printf("explain bytes %-32s compact %,7d  full %,7d  %.0f%%%n",
        learner, b[0], b[1], 100.0 * b[0] / b[1]));
  }
}
