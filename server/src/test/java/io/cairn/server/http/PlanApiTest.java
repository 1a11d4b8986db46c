package io.cairn.server.http;

import static io.cairn.server.http.TestServer.json;
import static io.cairn.server.http.TestServer.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /api/plans} on a real server over the sample: every plan request shipped in
 * {@code datasets/sample/plans} answers a plan that matches the OpenAPI document and keeps its promises (limits,
 * order, the audit of a pathway plan through {@code POST /api/audits}), and every bad input is a 4xx problem.
 */
class PlanApiTest {
  private static final String PLANS = "/api/plans";
  private static final String GOAL = "\"goal\": {\"type\": \"pathway\", \"id\": \"data-analytics\"}";

  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();

  static Stream<Arguments> samples() {
    return TestServer.sampleFiles("plans").stream().map(f -> Arguments.of(Named.of(f.getFileName().toString(), f)));
  }

  private static JsonNode plan(String body) {
    HttpResponse<String> response = server.postJson(PLANS, body);
    JsonNode json = okJson(response);
    contract.assertResponseMatches(PLANS, "post", response);
    return json;
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySamplePlanRequestAnswersPlansThatKeepTheirPromises(Path file) {
    JsonNode request = json(TestServer.read(file));
    contract.assertMatchesComponent("PlanRequest", request.toString());
    JsonNode answer = plan(request.toString());
    JsonNode plans = answer.get("plans");
    assertTrue(plans.size() >= 1 && plans.size() <= request.path("alternatives").asInt(3), answer.toString());
    assertEquals("solver", answer.get("answeredBy").asText(), answer.get("solver").toString());
    double budget = request.at("/constraints/maxCost").asDouble(Double.POSITIVE_INFINITY);
    Set<String> held = new HashSet<>();
    request.at("/learner/credentials").forEach(c -> held.add(c.asText()));
    for (JsonNode plan : plans) {
      assertTrue(plan.get("reachesGoal").asBoolean(), plan.toString());
      assertTrue(plan.at("/totals/cost").asDouble() <= budget + 1e-6, "over budget: " + plan.get("totals"));
      int position = 1;
      Set<String> before = new HashSet<>(held);
      for (JsonNode step : plan.get("steps")) {
        assertEquals(position++, step.get("position").asInt());
        for (JsonNode need : step.get("needs")) {
          assertTrue(need.asInt() < step.get("position").asInt(), "a step needs a later one: " + step);
        }
        assertFalse(before.contains(step.at("/credential/id").asText()), "a held or repeated credential: " + step);
        before.add(step.at("/credential/id").asText());
      }
      assertEquals(plan.get("rank").asInt() == 1, plan.get("difference").isNull(), "only alternatives differ");
    }
    JsonNode best = plans.get(0);
    JsonNode greedy = answer.get("greedy");
    if (best.get("optimal").asBoolean() && greedy.get("reachesGoal").asBoolean()) {
      String measure = answer.get("objective").asText().equals("time") ? "/totals/hours" : "/totals/cost";
      assertTrue(best.at(measure).asDouble() <= greedy.at(measure).asDouble() + 1e-6, "optimal worse than greedy");
    }
    if (request.at("/goal/type").asText().equals("pathway")) {
      assertTheAuditConfirms(request, best, answer.at("/goal/destination/id").asText());
    }
  }

  /** The plan's credentials added to the learner's, audited through the API: the destination is satisfied. */
  private static void assertTheAuditConfirms(JsonNode request, JsonNode plan, String destination) {
    ObjectNode audit = TestServer.JSON.createObjectNode();
    ObjectNode learner = ((ObjectNode) request.get("learner")).deepCopy();
    var credentials = learner.withArray("credentials");
    plan.get("steps").forEach(step -> credentials.add(step.at("/credential/id").asText()));
    audit.set("learner", learner);
    audit.put("pathway", request.at("/goal/id").asText());
    if (request.has("exceptions")) {
      audit.set("exceptions", request.get("exceptions"));
    }
    JsonNode result = okJson(server.postJson("/api/audits", audit.toString()));
    boolean satisfied = false;
    for (JsonNode d : result.at("/audit/destinations")) {
      satisfied |= d.get("id").asText().equals(destination) && d.get("status").asText().equals("satisfied");
    }
    assertTrue(satisfied, "the audit does not confirm " + destination + ": " + result.at("/audit/destinations"));
  }

  @Test
  void marekIsGrantedTheCertificateByOneMoreModule() {
    JsonNode answer = plan(TestServer.read(TestServer.sampleFiles("plans").stream()
        .filter(f -> f.getFileName().toString().startsWith("marek")).findFirst().orElseThrow()));
    assertEquals("da-cert-dest", answer.at("/goal/destination/id").asText());
    JsonNode steps = answer.at("/plans/0/steps");
    assertEquals(2, steps.size(), steps.toString());
    JsonNode granted = steps.get(1);
    assertEquals("nb-cert-data-analytics", granted.at("/credential/id").asText());
    assertTrue(granted.get("granted").asBoolean());
    assertEquals(0, granted.get("cost").asDouble(), 1e-9);
    assertEquals("nb-cert-data-analytics", steps.get(0).at("/completes/0/id").asText());
    assertTrue(answer.at("/plans/0/optimal").asBoolean());
    assertNotNull(steps.get(0).get("startWeek"), "hoursPerWeek gives weeks");
  }

  @Test
  void anUnreachableGoalGivesTheBestPartialPlanAndWhatBlocksIt() {
    JsonNode answer = plan("{\"learner\": {\"credentials\": [\"sf-spreadsheet-essentials\"]}, \"goal\": {\"type\": "
        + "\"occupation\", \"id\": \"d3edb8f8-3a06-47a0-8fb9-9b212c006aa2\"}, \"constraints\": {\"maxCost\": 60}, "
        + "\"alternatives\": 1}");
    assertFalse(answer.at("/plans/0/reachesGoal").asBoolean());
    assertTrue(answer.at("/plans/0/totals/cost").asDouble() <= 60);
    JsonNode blockers = answer.get("blockers");
    assertFalse(blockers.isEmpty(), answer.toString());
    boolean budget = false;
    for (JsonNode b : blockers) {
      budget |= b.get("kind").asText().equals("budget") && b.get("amount").asDouble() > 0;
    }
    assertTrue(budget, "the budget is short: " + blockers);
    assertTrue(answer.get("reason").asText().contains("budget is short by"), answer.get("reason").asText());
  }

  @Test
  void anIncludedCredentialIsPlannedAndAnExcludedOneIsNot() {
    String base = "{\"goal\": {\"type\": \"pathway\", \"id\": \"web-development\"}, \"alternatives\": 1";
    JsonNode free = plan(base + "}");
    String first = free.at("/plans/0/steps/0/credential/id").asText();
    JsonNode without = plan(base + ", \"exclude\": [\"" + first + "\"]}");
    without.at("/plans/0/steps").forEach(s -> assertFalse(s.at("/credential/id").asText().equals(first)));
    JsonNode with = plan(base + ", \"include\": [\"sf-git-and-tooling\"]}");
    Set<String> ids = new HashSet<>();
    with.at("/plans/0/steps").forEach(s -> ids.add(s.at("/credential/id").asText()));
    assertTrue(ids.contains("sf-git-and-tooling"), ids.toString());
  }

  @Test
  void requestExamplesAreCopiesOfSamplePlanFiles() {
    JsonNode content = contract.operation(PLANS, "post").at("/requestBody/content/application~1json");
    assertEquals("#/components/schemas/PlanRequest", content.at("/schema/$ref").asText());
    Set<JsonNode> samples = new HashSet<>();
    TestServer.sampleFiles("plans").forEach(f -> samples.add(json(TestServer.read(f))));
    assertTrue(content.get("examples").size() > 0);
    content.get("examples").forEach(e -> assertTrue(samples.contains(e.get("value")), e.toString()));
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        bad("no goal is 400", "{\"alternatives\": 1}", 400, "'goal' is required"),
        bad("a goal field instead of a goal is 400", "{\"goalField\": \"251\"}", 400, "unknown field 'goalField'"),
        bad("an unknown objective is 400", "{" + GOAL + ", \"objective\": \"fun\"}", 400, "cost, time or value",
            "fun"),
        bad("reach 0 is 400", "{" + GOAL + ", \"reach\": 0}", 400, "reach must be more than 0"),
        bad("reach 1.5 is 400", "{" + GOAL + ", \"reach\": 1.5}", 400, "at most 1", "1.5"),
        bad("reach as a string is 400", "{" + GOAL + ", \"reach\": \"0.8\"}", 400, "'reach'"),
        bad("0 alternatives is 400", "{" + GOAL + ", \"alternatives\": 0}", 400, "alternatives must be from 1 to 5"),
        bad("6 alternatives is 400", "{" + GOAL + ", \"alternatives\": 6}", 400, "alternatives must be from 1 to 5"),
        bad("fractional alternatives is 400", "{" + GOAL + ", \"alternatives\": 2.5}", 400, "'alternatives'"),
        bad("negative hours per week is 400", "{" + GOAL + ", \"hoursPerWeek\": -1}", 400, "hoursPerWeek"),
        bad("169 hours per week is 400", "{" + GOAL + ", \"hoursPerWeek\": 169}", 400, "hoursPerWeek", "168"),
        bad("include and exclude the same is 400", "{" + GOAL + ", \"include\": [\"nb-mc-data-mining\"], "
            + "\"exclude\": [\"nb-mc-data-mining\"]}", 400, "both included and excluded", "nb-mc-data-mining"),
        bad("an empty include id is 400", "{" + GOAL + ", \"include\": [\" \"]}", 400, "include"),
        bad("an unknown included credential is 422", "{" + GOAL + ", \"include\": [\"no-such-credential\"]}", 422,
            "no-such-credential", "GET /api/credentials"),
        bad("an unknown excluded credential is 422", "{" + GOAL + ", \"exclude\": [\"nope\"]}", 422, "nope"),
        bad("an unknown destination is 422 naming the valid ones", "{" + GOAL + ", \"destination\": \"moon\"}", 422,
            "moon", "da-cert-dest", "nearest"),
        bad("a blank destination is 400", "{" + GOAL + ", \"destination\": \"\"}", 400, "destination"),
        bad("an unknown goal occupation is 422", "{\"goal\": {\"type\": \"occupation\", \"id\": \"nope\"}}", 422,
            "nope"),
        bad("an unknown held credential is 422", "{\"learner\": {\"credentials\": [\"nope\"]}, " + GOAL + "}", 422,
            "nope"),
        bad("a waiver of an unknown requirement is 400 listing valid ones", "{" + GOAL + ", \"exceptions\": "
            + "[{\"kind\": \"waive\", \"requirement\": \"nope\"}]}", 400, "nope", "da-bsc-root"),
        bad("a substitute by an unknown credential is 422", "{\"goal\": {\"type\": \"pathway\", \"id\": "
            + "\"security-operations\"}, \"exceptions\": [{\"kind\": \"substitute\", \"requirement\": "
            + "\"so-network-defence\", \"credential\": \"nope\"}]}", 422, "nope"),
        bad("an exception of an unknown kind is 400", "{" + GOAL + ", \"exceptions\": [{\"kind\": \"forgive\", "
            + "\"requirement\": \"da-bsc-root\"}]}", 400, "'waive' or 'substitute'"),
        bad("a negative budget is 400", "{" + GOAL + ", \"constraints\": {\"maxCost\": -1}}", 400,
            "constraints.maxCost"),
        bad("malformed JSON is 400", "{\"goal\": ", 400, "malformed JSON"),
        bad("an unknown field is 400", "{" + GOAL + ", \"k\": 3}", 400, "unknown field 'k'"));
  }

  private static Arguments bad(String name, String body, int status, String... mentions) {
    return Arguments.of(Named.of(name, new Object[] {body, status, List.of(mentions)}));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void badInputIsAProblemThatSaysWhatToFix(Object[] c) {
    String body = (String) c[0];
    int status = (Integer) c[1];
    @SuppressWarnings("unchecked")
    List<String> mentions = (List<String>) c[2];
    HttpResponse<String> response = server.postJson(PLANS, body);
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", TestServer.mediaType(response));
    contract.assertResponseMatches(PLANS, "post", response);
    String detail = json(response.body()).get("detail").asText().toLowerCase(Locale.ROOT);
    for (String m : mentions) {
      assertTrue(detail.contains(m.toLowerCase(Locale.ROOT)), "the detail should mention '" + m + "': " + detail);
    }
    assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
  }

  @Test
  void otherMediaTypesAndMethodsAreRefused() {
    HttpResponse<String> text = server.post(PLANS, "text/plain", "{}");
    assertEquals(415, text.statusCode());
    assertEquals("application/problem+json", TestServer.mediaType(text));
    HttpResponse<String> get = server.get(PLANS);
    assertEquals(405, get.statusCode());
    assertEquals("application/problem+json", TestServer.mediaType(get));
  }
}
