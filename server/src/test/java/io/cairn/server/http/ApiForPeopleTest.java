package io.cairn.server.http;

import static io.cairn.server.http.TestServer.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What issue 15 found by using the API: non-ASCII in error details, numbers bounded alike in queries and bodies, a
 * page past the end, searches that find nothing or match inside words, and a waiver of a whole degree.
 */
class ApiForPeopleTest {
  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The raw bytes and Content-Type, so that the test sees what the server encoded, not what a client guessed. */
  private static HttpResponse<byte[]> raw(String pathAndQuery) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(server.base().resolve(pathAndQuery)).timeout(Duration.ofSeconds(60))
          .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/competencies/", "/api/occupations/", "/api/credentials/", "/api/pathways/"})
  void nonAsciiInAnErrorDetailComesBackIntactAndTheResponseSaysUtf8(String path) throws Exception {
    for (String id : new String[] {"数据", "café"}) {
      HttpResponse<byte[]> response = raw(path + enc(id));
      assertEquals(404, response.statusCode());
      String type = response.headers().firstValue("Content-Type").orElse("");
      assertTrue(type.startsWith("application/problem+json") && type.toLowerCase().contains("charset=utf-8"), type);
      String body = new String(response.body(), StandardCharsets.UTF_8);
      assertTrue(body.contains(id), "the id comes back as sent: " + body);
    }
  }

  @Test
  void everyJsonAnswerSaysUtf8() throws Exception {
    for (String path : new String[] {"/api/about", "/api/credentials?limit=1", "/api/competencies?q=caf%C3%A9",
        "/openapi.json", "/api/credentials?limit=0", "/health"}) {
      HttpResponse<byte[]> response = raw(path);
      String type = response.headers().firstValue("Content-Type").orElse("");
      assertTrue(type.toLowerCase().contains("charset=utf-8"), path + ": " + type);
    }
    HttpResponse<byte[]> unknownParameter = raw("/api/credentials?caf%C3%A9=1");
    assertEquals(400, unknownParameter.statusCode());
    assertTrue(new String(unknownParameter.body(), StandardCharsets.UTF_8).contains("'café'"),
        new String(unknownParameter.body(), StandardCharsets.UTF_8));
  }

  /** Issue 16 bounded numbers; these keep a query parameter and a JSON field answering alike. */
  @ParameterizedTest
  @ValueSource(strings = {"1e309", "1e400", "-1", "NaN", "Infinity"})
  void aNumberOutOfRangeIsRefusedAlikeAsAQueryParameterAndInJson(String number) {
    HttpResponse<String> query = server.get("/api/credentials?maxCost=" + enc(number));
    assertEquals(400, query.statusCode(), query.body());
    assertTrue(query.body().contains("maxCost"), query.body());
    String json = number.matches("[-0-9e.]+") ? number : "\"" + number + "\"";
    HttpResponse<String> body = server.postJson("/api/recommendations",
        "{\"goal\": {\"type\": \"pathway\", \"id\": \"data-analytics\"}, \"constraints\": {\"maxCost\": " + json + "}}");
    assertEquals(400, body.statusCode(), body.body());
    assertTrue(body.body().contains("constraints.maxCost"), body.body());
    assertFalse(body.body().contains("Constraints") || body.body().contains("java.") || body.body().contains("Double"),
        "fields, not Java classes: " + body.body());
  }

  @Test
  void aLargeFiniteNumberIsAcceptedAlikeAsAQueryParameterAndInJson() {
    assertEquals(200, server.get("/api/credentials?maxCost=1e300").statusCode());
    assertEquals(200, server.postJson("/api/recommendations",
        "{\"goal\": {\"type\": \"pathway\", \"id\": \"data-analytics\"}, \"constraints\": {\"maxCost\": 1e300}}")
        .statusCode());
  }

  @Test
  void aPagePastTheEndSaysWhereTheLastPageStarts() {
    HttpResponse<String> response = server.get("/api/credentials?offset=100000&limit=20");
    JsonNode page = okJson(response);
    contract.assertResponseMatches("/api/credentials", "get", response);
    assertEquals(0, page.get("items").size());
    int total = page.get("total").asInt();
    assertTrue(page.get("note").asText().contains("past the last of the " + total + " items")
        && page.get("note").asText().contains("offset " + (total - 1) / 20 * 20), page.toString());
    assertFalse(okJson(server.get("/api/credentials?limit=20")).has("note"), "a page with items has no note");
  }

  @Test
  void aSearchThatFindsNothingSaysWhy() {
    HttpResponse<String> occupations = server.get("/api/occupations?q=nurse");
    JsonNode page = okJson(occupations);
    contract.assertResponseMatches("/api/occupations", "get", occupations);
    assertEquals(0, page.get("total").asInt());
    assertTrue(page.get("note").asText().contains("among the 8 occupations loaded")
        && page.get("note").asText().contains("3,007"), page.toString());
    HttpResponse<String> skills = server.get("/api/competencies?q=" + enc("zzqx nothing"));
    contract.assertResponseMatches("/api/competencies", "get", skills);
    assertTrue(okJson(skills).get("note").asText().contains("13,896 skills"), skills.body());
    HttpResponse<String> credentials = server.get("/api/credentials?q=excel");
    contract.assertResponseMatches("/api/credentials", "get", credentials);
    assertTrue(okJson(credentials).get("note").asText().contains("No credential's name holds the words 'excel'"),
        credentials.body());
  }

  @Test
  void aCredentialSearchNeverMatchesInsideAWord() {
    JsonNode ml = okJson(server.get("/api/credentials?q=ML&limit=100"));
    ml.get("items").forEach(c -> assertFalse(c.get("name").asText().contains("HTML"), ml.toString()));
    JsonNode html = okJson(server.get("/api/credentials?q=html"));
    assertTrue(html.get("total").asInt() >= 1, html.toString());
    JsonNode start = okJson(server.get("/api/credentials?q=statis"));
    assertTrue(start.get("total").asInt() >= 1, "a word's start, from three letters: " + start);
  }

  @Test
  void waivingAWholeDegreeIsRefusedNamingWhatCanBeWaived() {
    HttpResponse<String> response = server.postJson("/api/audits",
        "{\"pathway\": \"data-analytics\", \"exceptions\": [{\"kind\": \"waive\", \"requirement\": \"da-bsc-root\","
            + " \"note\": \"just give it\"}]}");
    assertEquals(400, response.statusCode(), response.body());
    contract.assertResponseMatches("/api/audits", "post", response);
    String detail = TestServer.json(response.body()).get("detail").asText();
    assertTrue(detail.contains("whole requirement of destination") && detail.contains("da-bsc-foundation"), detail);
    HttpResponse<String> part = server.postJson("/api/audits",
        "{\"pathway\": \"data-analytics\", \"exceptions\": [{\"kind\": \"waive\", \"requirement\": \"da-bsc-foundation\"}]}");
    assertEquals(200, part.statusCode(), "a condition under it can still be waived: " + part.body());
  }

  @Test
  void aSkillGroupIsTaughtThroughItsSkillsOnEveryEndpoint() {
    HttpResponse<String> detail = server.get("/api/competencies/0613");
    contract.assertResponseMatches("/api/competencies/{id}", "get", detail);
    JsonNode taughtBy = okJson(detail).get("taughtBy");
    assertFalse(taughtBy.isEmpty(), "ISCED-F 0613 is taught through its narrower skills: " + detail.body());
    JsonNode filtered = okJson(server.get("/api/credentials?limit=100&teaches=0613"));
    assertEquals(taughtBy.size(), filtered.get("total").asInt(), filtered.toString());
    JsonNode suggestions = okJson(server.postJson("/api/recommendations",
        "{\"goal\": {\"type\": \"competencies\", \"ids\": [\"0613\"]}, \"k\": 3}"));
    assertEquals(3, suggestions.get("items").size(), suggestions.toString());
  }

  /** Every node of an audit tree with its parent's kind, for the checks that hold between a node and its children. */
  private static void nodes(JsonNode node, java.util.List<JsonNode> into) {
    into.add(node);
    node.get("children").forEach(child -> nodes(child, into));
  }

  @Test
  void whatIsLeftIsThePlannersCheapestWayToFinishEachPathwayAndEachOpenRequirement() {
    HttpResponse<String> response = server.postJson("/api/audits", """
        {"learner": {"credentials": ["nb-mc-applied-statistics"]}, "pathway": "data-analytics",
         "whatIf": ["ict-project-management"], "whatIsLeft": true}""");
    contract.assertResponseMatches("/api/audits", "post", response);
    JsonNode answer = okJson(response);
    JsonNode bsc = answer.at("/audit/destinations/0/requirements");
    java.util.List<JsonNode> all = new java.util.ArrayList<>();
    nodes(bsc, all);
    java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
    all.forEach(n -> byId.put(n.get("id").asText(), n));

    // by hand from datasets/sample/credentials.ttl: the core modules are all of Data Wrangling and Quality (450 EUR,
    // PT125H, 5 ECTS), Applied Statistics (held) and Databases and SQL (450 EUR, PT125H, 5 ECTS), no prerequisites
    JsonNode core = byId.get("da-bsc-core-modules").get("left");
    java.util.Set<String> earn = new java.util.HashSet<>();
    core.get("credentials").forEach(c -> earn.add(c.get("id").asText()));
    assertEquals(java.util.Set.of("nb-mc-data-wrangling", "nb-mc-databases-and-sql"), earn, core.toString());
    assertEquals(900.0, core.get("cost").asDouble(), core.toString());
    assertEquals(250.0, core.get("hours").asDouble(), core.toString());
    assertEquals(10.0, core.get("ects").asDouble(), core.toString());
    assertEquals("EUR", core.get("currency").asText());
    assertTrue(byId.get("da-bsc-statistics").get("left").isNull(), "a satisfied node has nothing left");

    for (JsonNode n : all) {
      JsonNode left = n.get("left");
      assertEquals(n.get("status").asText().equals("satisfied"), left.isNull(), n.get("id") + ": " + left);
      if (left.isNull() || !left.get("reachable").asBoolean()) {
        continue;
      }
      // an all-of needs every child, so finishing it costs at least as much as finishing any open child; an
      // at-least of one is finished by its cheapest child, so it costs no more than that child
      for (JsonNode child : n.get("children")) {
        JsonNode c = child.get("left");
        if (c.isNull() || !c.get("reachable").asBoolean()) {
          continue;
        }
        if (n.get("kind").asText().equals("all-of")) {
          assertTrue(left.get("cost").asDouble() >= c.get("cost").asDouble() - 1e-6, n.get("id") + " vs " + child.get("id"));
        } else if (n.get("kind").asText().equals("at-least") && n.get("required").asInt() == 1) {
          assertTrue(left.get("cost").asDouble() <= c.get("cost").asDouble() + 1e-6, n.get("id") + " vs " + child.get("id"));
        }
      }
    }
    // the pathway's figure is the planner's own cheapest plan to its final destination
    JsonNode plan = okJson(server.postJson("/api/plans", """
        {"learner": {"credentials": ["nb-mc-applied-statistics"]}, "goal": {"type": "pathway", "id": "data-analytics"},
         "alternatives": 1}""")).at("/plans/0/totals");
    assertEquals(plan.get("cost").asDouble(), answer.at("/audit/left/cost").asDouble());
    assertEquals(plan.get("hours").asDouble(), answer.at("/audit/left/hours").asDouble());
    assertEquals(bsc.at("/left/cost").asDouble(), answer.at("/audit/left/cost").asDouble(), "the root is the destination");
    // the what-if pathway is compared by what is left too; without the flag, nothing is planned
    assertTrue(answer.at("/whatIf/0/left/credentials").size() > 0, answer.at("/whatIf/0/left").toString());
    JsonNode plain = okJson(server.postJson("/api/audits", "{\"pathway\": \"data-analytics\"}"));
    assertTrue(plain.at("/audit/left").isNull() && plain.at("/audit/destinations/0/requirements/left").isNull());
  }

  @Test
  void aPlanToOneRequirementNodePlansWhatIsLeftOfThatNodeAlone() {
    JsonNode answer = okJson(server.postJson("/api/plans", """
        {"learner": {"credentials": ["nb-mc-applied-statistics"]}, "goal": {"type": "pathway", "id": "data-analytics"},
         "destination": "da-bsc-databases", "alternatives": 1}"""));
    JsonNode steps = answer.at("/plans/0/steps");
    assertEquals(1, steps.size(), steps.toString());
    assertEquals("nb-mc-databases-and-sql", steps.get(0).at("/credential/id").asText());
    assertTrue(answer.at("/plans/0/reachesGoal").asBoolean());
    HttpResponse<String> wrong = server.postJson("/api/plans", """
        {"goal": {"type": "pathway", "id": "data-analytics"}, "destination": "no-such-node"}""");
    assertEquals(422, wrong.statusCode(), wrong.body());
    assertTrue(wrong.body().contains("name a requirement of a destination"), wrong.body());
  }
}
