package io.cairn.server.http;

import static io.cairn.server.http.TestServer.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /api/coverage} over HTTP against the sample, cross-checked against the catalog endpoints and validated
 * against the OpenAPI document.
 */
class CoverageApiTest {
  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode coverage(String query) {
    HttpResponse<String> response = server.get("/api/coverage?" + query);
    JsonNode body = okJson(response);
    contract.assertResponseMatches("/api/coverage", "get", response);
    return body;
  }

  private static Set<String> ids(JsonNode array, String field) {
    Set<String> ids = new HashSet<>();
    array.forEach(n -> ids.add((field == null ? n : n.get(field)).get("id").asText()));
    return ids;
  }

  /** The occupation's job offers in the server's table (the shared folder's file, read by the test server). */
  private static long offers(String label) {
    return TestServer.jobOffers().offersByLabel().getOrDefault(
        io.cairn.labor.demand.JobOfferTable.normalise(label), 0L);
  }

  @Test
  void everyOccupationReportsEachOfItsSkillsWithTheCredentialsThatTeachIt() {
    JsonNode occupations = okJson(server.get("/api/occupations?limit=100")).get("items");
    assertFalse(occupations.isEmpty());
    for (JsonNode o : occupations) {
      String id = o.get("id").asText();
      JsonNode detail = okJson(server.get("/api/occupations/" + enc(id)));
      JsonNode report = coverage("occupation=" + enc(id));
      assertEquals("occupation", report.get("kind").asText());
      assertEquals(id, report.get("id").asText());
      Set<String> expected = ids(detail.get("essentialSkills"), null);
      expected.addAll(ids(detail.get("optionalSkills"), null));
      assertEquals(expected, ids(report.get("skills"), "competency"), o.get("label").asText());
      assertEquals(expected.size(), report.get("skillCount").asInt());
      int taught = 0;
      for (JsonNode skill : report.get("skills")) {
        String skillId = skill.get("competency").get("id").asText();
        JsonNode teaching = okJson(server.get("/api/credentials?limit=100&teaches=" + enc(skillId)));
        assertEquals(teaching.get("total").asInt(), skill.get("credentialCount").asInt(), skillId);
        assertTrue(ids(teaching.get("items"), null).containsAll(ids(skill.get("taughtBy"), null)), skillId);
        taught += skill.get("credentialCount").asInt() > 0 ? 1 : 0;
      }
      assertEquals(taught, report.get("taughtCount").asInt());
      // demand: each essential skill carries at least its occupation's job offers (the server read the shared file)
      for (JsonNode skill : report.get("skills")) {
        assertTrue(skill.get("jobOffers").isIntegralNumber(), skill.toString());
        if (skill.get("relation").asText().equals("essential")) {
          assertTrue(skill.get("jobOffers").asLong() >= offers(o.get("label").asText()) && offers(
              o.get("label").asText()) > 0, skill.toString());
        }
      }
      assertEquals(expected.size() - taught, report.get("untaughtCount").asInt());
    }
  }

  @Test
  void skillsComeRequiredThenEssentialThenOptionalLeastTaughtFirst() {
    JsonNode report = coverage("pathway=web-development");
    assertEquals("pathway", report.get("kind").asText());
    List<String> order = List.of("required", "essential", "optional");
    int lastRelation = 0;
    int lastCount = -1;
    for (JsonNode skill : report.get("skills")) {
      int relation = order.indexOf(skill.get("relation").asText());
      int count = skill.get("credentialCount").asInt();
      assertTrue(relation >= lastRelation, "relations in order: " + report.get("skills"));
      assertTrue(relation > lastRelation || count >= lastCount, "least taught first: " + report.get("skills"));
      lastRelation = relation;
      lastCount = count;
    }
    assertTrue(report.get("skillCount").asInt() > 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "occupation=", "occupation=x&pathway=y", "pathway=data-analytics&limit=3"})
  void missingConflictingOrUnknownParametersAreRefusedWithAProblemThatSaysWhatToGive(String query) {
    HttpResponse<String> response = server.get("/api/coverage" + (query.isEmpty() ? "" : "?" + query));
    assertEquals(400, response.statusCode(), response.body());
    contract.assertResponseMatches("/api/coverage", "get", response);
    String detail = TestServer.json(response.body()).get("detail").asText();
    assertTrue(detail.contains("occupation") && detail.contains("pathway"), detail);
  }

  @Test
  void unknownOccupationOrPathwayIsNotFound() {
    for (String query : List.of("occupation=no-such-job", "pathway=no-such-pathway")) {
      HttpResponse<String> response = server.get("/api/coverage?" + query);
      assertEquals(404, response.statusCode(), response.body());
      contract.assertResponseMatches("/api/coverage", "get", response);
      assertTrue(TestServer.json(response.body()).get("detail").asText().contains("no-such-"), response.body());
    }
  }
}
