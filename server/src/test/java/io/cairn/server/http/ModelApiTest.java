package io.cairn.server.http;

import static io.cairn.server.http.TestServer.json;
import static io.cairn.server.http.TestServer.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.labor.FixtureModel;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The skill-value model over real HTTP: a server over the sample whose recommender scores with a real model
 * (trained on the engine's labor fixture, saved and loaded back), every answer checked against openapi.json.
 */
class ModelApiTest {
  private static final String NEXT = "/api/skills/next";
  private static final String RECOMMEND = "/api/recommendations";
  private static TestServer server;
  private static OpenApiContract contract;
  private static JsonNode amira;
  private static String occupation;

  @BeforeAll
  static void start() {
    server = TestServer.start(FixtureModel.model());
    contract = OpenApiContract.load();
    amira = json(TestServer.read(TestServer.sampleDir("learners").resolve("amira-retail-to-data.json")));
    occupation = amira.at("/goal/id").asText();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static JsonNode ok(String method, String template, HttpResponse<String> response) {
    JsonNode body = okJson(response);
    contract.assertResponseMatches(template, method, response);
    return body;
  }

  /** POSTs to {@code path} (its query, if any, left out of the documented path it is checked against). */
  private static JsonNode post(String path, String body) {
    return ok("post", path.split("\\?", 2)[0], server.postJson(path, body));
  }

  /** Every skill the learner holds: declared, and taught by held credentials (read through the API). */
  private static Set<String> held(JsonNode learner) {
    Set<String> held = new HashSet<>();
    learner.path("competencies").forEach(c -> held.add(c.asText()));
    learner.path("credentials").forEach(c -> ok("get", "/api/credentials/{id}",
        server.get("/api/credentials/" + c.asText())).path("teaches").forEach(t -> held.add(t.get("id").asText())));
    return held;
  }

  @Test
  void healthAndAboutSayTheLearnedScorerAndWhichModel() {
    for (String path : List.of("/health", "/api/about")) {
      JsonNode body = ok("get", path, server.get(path));
      assertEquals("learned", body.get("scorer").asText(), path);
      assertTrue(body.get("model").asText().contains("XGBoost"), path + ": " + body.get("model"));
    }
  }

  @Test
  void theModelCardNamesItsDataChecksumsSeedFeaturesAndTestMetrics() {
    JsonNode card = ok("get", "/api/model", server.get("/api/model"));
    assertEquals(FixtureModel.SEED, card.get("splitSeed").asLong());
    assertEquals("cd".repeat(32), card.at("/dataFiles/fixture-offers.csv").asText());
    assertTrue(card.get("features").size() > 10, "features are named");
    assertEquals("xgboost", card.at("/learner/kind").asText());
    JsonNode model = card.at("/test/scorers/0");
    assertEquals("model", model.get("role").asText());
    for (JsonNode f : model.get("fractions")) {
      JsonNode ndcg = f.get("ndcgAt10");
      assertTrue(ndcg.get("low").asDouble() <= ndcg.get("mean").asDouble()
          && ndcg.get("mean").asDouble() <= ndcg.get("high").asDouble(), "interval around its mean: " + ndcg);
      assertEquals(20, f.get("ndcgAtK").size());
    }
    assertFalse(card.get("tribuoProvenance").asText().isBlank());
  }

  @Test
  void nextSkillsTowardAnOccupationPutItsMissingSkillsFirstAndNeverWhatIsHeld() {
    ObjectNode body = TestServer.JSON.createObjectNode();
    body.set("learner", amira.get("learner"));
    body.put("occupation", occupation);
    body.put("k", 15);
    JsonNode next = post(NEXT, body.toString());
    Set<String> held = held(amira.get("learner"));
    assertEquals(held.size(), next.get("heldSkills").asInt());
    assertEquals(occupation, next.at("/occupation/id").asText());
    JsonNode items = next.get("items");
    assertFalse(items.isEmpty());
    assertTrue(items.size() <= 15);
    JsonNode detail = ok("get", "/api/occupations/{id}", server.get("/api/occupations/" + occupation));
    Set<String> essential = new HashSet<>();
    detail.get("essentialSkills").forEach(s -> essential.add(s.get("id").asText()));
    essential.removeAll(held);
    int tier = 2;
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String id = item.at("/competency/id").asText();
      assertEquals(i + 1, item.get("rank").asInt());
      assertFalse(held.contains(id), "suggested a held skill " + id);
      int itemTier = switch (item.get("goalRelation").asText()) {
        case "essential" -> 2;
        case "optional" -> 1;
        default -> 0;
      };
      assertTrue(itemTier <= tier, "goal tiers out of order at " + i);
      tier = itemTier;
      assertEquals(essential.contains(id), itemTier == 2, id + " essential for the goal");
      item.get("goesWith").forEach(g -> assertTrue(held.contains(g.get("id").asText()), "goes with a skill not held"));
    }
  }

  @Test
  void nextSkillsInAFieldOrWithoutAGoalHonourK() {
    JsonNode inField = post(NEXT, "{\"learner\": " + amira.get("learner") + ", \"goalField\": \"251\", \"k\": 4}");
    assertEquals("251", inField.get("goalField").asText());
    assertTrue(inField.get("occupation").isNull());
    assertEquals(4, inField.get("items").size());
    JsonNode free = post(NEXT, "{\"learner\": " + amira.get("learner") + "}");
    assertEquals(10, free.get("items").size(), "k defaults to 10");
    free.get("items").forEach(i -> assertEquals("none", i.get("goalRelation").asText()));
  }

  @Test
  void recommendationsTowardAGoalExplainEveryCountedSkillWithItsEvidence() {
    JsonNode list = post(CompactFormAssertions.FULL, amira.toString());
    assertTrue(list.get("scorer").asText().startsWith("learned"), list.get("scorer").asText());
    assertFalse(list.get("items").isEmpty());
    Set<String> held = held(amira.get("learner"));
    for (JsonNode item : list.get("items")) {
      JsonNode skills = item.at("/explanation/skills");
      assertFalse(skills.isMissingNode() || skills.isEmpty(), "no counted skills: " + item);
      JsonNode teaches = ok("get", "/api/credentials/{id}",
          server.get("/api/credentials/" + item.at("/credential/id").asText())).get("teaches");
      Set<String> taught = new HashSet<>();
      teaches.forEach(t -> taught.add(t.get("id").asText()));
      boolean adjacent = false;
      for (JsonNode s : skills) {
        String id = s.at("/competency/id").asText();
        // taught, or taught through a narrower concept: then the competency lists the credential among its teachers
        assertTrue(taught.contains(id) || TestServer.texts(okJson(server.get("/api/competencies/" + id)).get("taughtBy"),
            "id").contains(item.at("/credential/id").asText()), "counts a skill it does not teach: " + id);
        assertFalse(held.contains(id), "counts a held skill: " + id);
        adjacent |= s.get("relation").asText().equals("adjacent");
        assertFalse(adjacent && !s.get("relation").asText().equals("adjacent"), "goal skills come first");
      }
    }
  }

  @Test
  void theCompactFormNamesTheCountedSkillsByIdWithoutTheirEvidence() {
    JsonNode compact = post(RECOMMEND, amira.toString());
    JsonNode full = post(CompactFormAssertions.FULL, amira.toString());
    assertFalse(full.get("items").isEmpty());
    full.get("items").forEach(i -> assertFalse(i.at("/explanation/skills").isEmpty(), "counted skills: " + i));
    CompactFormAssertions.assertSameAnswer(compact, full);
  }

  @Test
  void goalFreeRecommendationsAimAtTheModelsNextSkills() {
    JsonNode list = post(CompactFormAssertions.FULL,
        "{\"learner\": " + amira.get("learner") + ", \"goalField\": \"251\", \"k\": 3}");
    assertEquals("field", list.at("/goal/type").asText());
    assertEquals("251", list.at("/goal/id").asText());
    assertFalse(list.get("items").isEmpty());
    Set<String> held = held(amira.get("learner"));
    for (JsonNode item : list.get("items")) {
      for (JsonNode c : item.at("/explanation/covers")) {
        assertEquals("next", c.get("reason").asText());
        assertFalse(held.contains(c.at("/competency/id").asText()));
      }
    }
    JsonNode none = post(RECOMMEND, "{\"learner\": " + amira.get("learner") + "}");
    assertEquals("field", none.at("/goal/type").asText());
    assertTrue(none.at("/goal/id").isNull());
  }

  @Test
  void theTransparentScorersExplanationsCarryNoCountedSkills() {
    try (TestServer transparent = TestServer.start()) {
      for (String form : List.of(RECOMMEND, CompactFormAssertions.FULL)) {
        HttpResponse<String> response = transparent.postJson(form, amira.toString());
        JsonNode list = okJson(response);
        contract.assertResponseMatches(RECOMMEND, "post", response);
        assertEquals("transparent", list.get("scorer").asText());
        list.get("items").forEach(i -> assertTrue(i.at("/explanation/skills").isMissingNode(), form));
      }
    }
  }

  @Test
  void badNextSkillQuestionsAreProblemsThatSayWhatToFix() {
    record Bad(String body, int status, String mentions) {}
    for (Bad bad : List.of(
        new Bad("{\"goalField\": \"25\"}", 400, "3 digits"),
        new Bad("{\"k\": 101}", 400, "k must be from 1 to 100"),
        new Bad("{\"occupation\": \"no-such-occupation\"}", 422, "no-such-occupation"),
        new Bad("{\"occupation\": \" \"}", 400, "'occupation' must not be empty"),
        new Bad("{\"goal\": \"x\"}", 400, "unknown field 'goal'"))) {
      HttpResponse<String> response = server.postJson(NEXT, bad.body());
      assertEquals(bad.status(), response.statusCode(), bad.body() + " -> " + response.body());
      assertEquals("application/problem+json", TestServer.mediaType(response));
      assertTrue(json(response.body()).get("detail").asText().contains(bad.mentions()), response.body());
      contract.assertResponseMatches(NEXT, "post", response);
    }
  }
}
