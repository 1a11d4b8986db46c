package io.cairn.server.http;

import static io.cairn.server.http.TestServer.json;
import static io.cairn.server.http.TestServer.okJson;
import static io.cairn.server.http.TestServer.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request body shipped in {@code datasets/sample/learners} and {@code datasets/sample/audits}, posted to the
 * real server: the answers match the OpenAPI document and make sense for the learner who asked.
 */
class SampleRequestsTest {
  private static final double EPSILON = 1e-6;
  private static final List<String> STATUS_ORDER = List.of("satisfied", "partial", "missing");

  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();
  private static final Map<String, Integer> competencyStatus = new ConcurrentHashMap<>();

  static Stream<Arguments> learners() {
    return TestServer.sampleFiles("learners").stream().map(f -> Arguments.of(Named.of(f.getFileName().toString(), f)));
  }

  static Stream<Arguments> audits() {
    return TestServer.sampleFiles("audits").stream().map(f -> Arguments.of(Named.of(f.getFileName().toString(), f)));
  }

  /** The full form: these checks read the labels and details of each explanation. */
  private static JsonNode recommend(Path file) {
    HttpResponse<String> response = server.postJson("/api/recommendations?explain=full", TestServer.read(file));
    JsonNode body = okJson(response);
    contract.assertResponseMatches("/api/recommendations", "post", response);
    return body;
  }

  private static JsonNode audit(Path file) {
    HttpResponse<String> response = server.postJson("/api/audits", TestServer.read(file));
    JsonNode body = okJson(response);
    contract.assertResponseMatches("/api/audits", "post", response);
    return body;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new HashSet<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static List<JsonNode> items(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  // ---------- recommendations ----------

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void recommendationIsAFullListOrSaysWhyNot(Path file) {
    JsonNode request = json(TestServer.read(file));
    JsonNode body = recommend(file);
    int k = request.path("k").asInt(5);
    int n = body.get("items").size();
    assertTrue(n <= k, "at most k items");
    if (n < k) {
      assertTrue(body.get("reason").isTextual() && !body.get("reason").asText().isBlank(),
          "a list shorter than k (" + n + " < " + k + ") must say why");
    } else {
      assertTrue(body.get("reason").isNull(), "a full list has no reason: " + body.get("reason"));
    }
    if (body.get("reason").isNull()) {
      assertTrue(n > 0, "an empty list needs a reason");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void recommendationAnswersTheGoalThatWasAsked(Path file) {
    JsonNode goal = json(TestServer.read(file)).get("goal");
    JsonNode answered = recommend(file).get("goal");
    assertEquals(goal.get("type").asText(), answered.get("type").asText());
    if (goal.has("id")) {
      assertEquals(goal.get("id").asText(), answered.get("id").asText());
    } else {
      assertTrue(answered.get("id").isNull());
      assertEquals(goal.get("ids").size(), answered.get("unmetTargets").asInt() + answered.get("metTargets").asInt());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void recommendationsAreRankedByScoreDescending(Path file) {
    List<JsonNode> items = items(recommend(file).get("items"));
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      assertEquals(i + 1, item.get("rank").asInt(), "ranks are 1..n in order");
      assertTrue(item.get("score").asDouble() <= item.get("relevance").asDouble() + EPSILON,
          "diversity only lowers the score: " + item.get("credential").get("id"));
      if (i > 0) {
        assertTrue(items.get(i - 1).get("score").asDouble() >= item.get("score").asDouble() - EPSILON,
            "item " + (i + 1) + " scores higher than item " + i);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void recommendationsNeverSuggestWhatTheLearnerHolds(Path file) {
    Set<String> held = strings(json(TestServer.read(file)).path("learner").get("credentials"));
    List<String> suggested = new ArrayList<>();
    for (JsonNode item : recommend(file).get("items")) {
      String id = item.get("credential").get("id").asText();
      suggested.add(id);
      assertFalse(held.contains(id), "suggests " + id + ", which the learner holds");
      JsonNode explanation = item.get("explanation");
      for (String field : List.of("stacksInto", "unlocks", "missingPrerequisites")) {
        for (String other : texts(explanation.get(field), "id")) {
          assertFalse(held.contains(other), id + " explanation." + field + " lists held credential " + other);
        }
      }
    }
    assertEquals(suggested.size(), new HashSet<>(suggested).size(), "no credential suggested twice");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void explanationsCoverRealCompetenciesTheLearnerLacks(Path file) {
    Set<String> declared = strings(json(TestServer.read(file)).path("learner").get("competencies"));
    for (JsonNode item : recommend(file).get("items")) {
      String credential = item.get("credential").get("id").asText();
      JsonNode explanation = item.get("explanation");
      JsonNode detail = okJson(server.get("/api/credentials/" + credential));
      Set<String> teaches = new HashSet<>(texts(detail.get("teaches"), "id"));
      List<JsonNode> covers = items(explanation.get("covers"));
      for (int i = 0; i < covers.size(); i++) {
        String competency = covers.get(i).get("competency").get("id").asText();
        assertEquals(200, competencyStatus.computeIfAbsent(competency, id -> server.get("/api/competencies/"
            + URLEncoder.encode(id, StandardCharsets.UTF_8)).statusCode()), competency + " is a real competency");
        // taught, or taught through a narrower concept: then the competency lists the credential among its teachers
        assertTrue(teaches.contains(competency) || texts(okJson(server.get("/api/competencies/"
            + URLEncoder.encode(competency, StandardCharsets.UTF_8))).get("taughtBy"), "id").contains(credential),
            credential + " covers " + competency + " but teaches neither it nor a narrower concept");
        assertFalse(declared.contains(competency), credential + " covers " + competency + ", already held");
        if (i > 0) {
          assertTrue(covers.get(i - 1).get("weight").asDouble() >= covers.get(i).get("weight").asDouble(),
              "covers are listed most valuable first");
        }
      }
      assertFalse(covers.isEmpty() && explanation.get("advances").isEmpty(),
          credential + " is suggested without covering a goal competency or advancing a requirement");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void explanationCostsAndPrerequisitesAddUp(Path file) {
    for (JsonNode item : recommend(file).get("items")) {
      JsonNode credential = item.get("credential");
      JsonNode e = item.get("explanation");
      String id = credential.get("id").asText();
      assertEquals(credential.get("cost").asDouble(), e.get("cost").asDouble(), EPSILON, id);
      assertEquals(credential.get("hours").asDouble(), e.get("hours").asDouble(), EPSILON, id);
      assertEquals(credential.get("ects").asDouble(), e.get("ects").asDouble(), EPSILON, id);
      assertEquals(credential.get("currency").asText(), e.get("currency").asText(), id);
      boolean missing = !e.get("missingPrerequisites").isEmpty() || !e.get("missingCompetencies").isEmpty();
      assertEquals(missing, e.get("oneStepAway").asBoolean(), id + " oneStepAway");
      double prerequisiteCost = 0;
      double prerequisiteHours = 0;
      for (JsonNode pre : e.get("missingPrerequisites")) {
        JsonNode p = okJson(server.get("/api/credentials/" + pre.get("id").asText()));
        prerequisiteCost += p.get("cost").asDouble();
        prerequisiteHours += p.get("hours").asDouble();
      }
      assertEquals(e.get("cost").asDouble() + prerequisiteCost, e.get("totalCost").asDouble(), EPSILON,
          id + " totalCost = cost + missing prerequisites' cost");
      assertEquals(e.get("hours").asDouble() + prerequisiteHours, e.get("totalHours").asDouble(), EPSILON,
          id + " totalHours");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("learners")
  void recommendationsRespectTheLearnersConstraints(Path file) {
    JsonNode constraints = json(TestServer.read(file)).path("constraints");
    Set<String> modes = strings(constraints.get("modes"));
    for (JsonNode item : recommend(file).get("items")) {
      JsonNode c = item.get("credential");
      JsonNode e = item.get("explanation");
      String id = c.get("id").asText();
      if (!modes.isEmpty()) {
        assertTrue(modes.contains(c.get("mode").asText()), id + " mode " + c.get("mode") + " not in " + modes);
      }
      if (constraints.path("creditBearingOnly").asBoolean(false)) {
        assertTrue(c.get("creditBearing").asBoolean() && c.get("ects").asDouble() > 0, id + " is not credit-bearing");
      }
      if (constraints.has("maxEqfLevel")) {
        assertTrue(c.get("eqfLevel").asInt(0) <= constraints.get("maxEqfLevel").asInt(), id + " EQF too high");
      }
      if (constraints.has("maxCost")) {
        assertTrue(e.get("totalCost").asDouble() <= constraints.get("maxCost").asDouble() + EPSILON,
            id + " costs " + e.get("totalCost") + " with prerequisites, over " + constraints.get("maxCost"));
      }
      if (constraints.has("maxHours")) {
        assertTrue(e.get("totalHours").asDouble() <= constraints.get("maxHours").asDouble() + EPSILON,
            id + " takes " + e.get("totalHours") + " hours with prerequisites, over " + constraints.get("maxHours"));
      }
    }
  }

  // ---------- audits ----------

  @ParameterizedTest(name = "{0}")
  @MethodSource("audits")
  void auditCoversThePathwayAndOneWhatIfPerEntry(Path file) {
    JsonNode request = json(TestServer.read(file));
    JsonNode body = audit(file);
    JsonNode audit = body.get("audit");
    assertEquals(request.get("pathway").asText(), audit.get("pathway").get("id").asText());
    assertFalse(audit.get("destinations").isEmpty(), "destinations");
    List<String> whatIf = new ArrayList<>();
    request.path("whatIf").forEach(w -> whatIf.add(w.asText()));
    assertEquals(whatIf.size(), body.get("whatIf").size(), "one what-if audit per whatIf entry");
    for (int i = 0; i < whatIf.size(); i++) {
      assertEquals(whatIf.get(i), body.get("whatIf").get(i).get("pathway").get("id").asText(), "what-if order");
      assertFalse(body.get("whatIf").get(i).get("destinations").isEmpty());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("audits")
  void auditTreesMirrorThePathwaysRequirementTrees(Path file) {
    JsonNode body = audit(file);
    List<JsonNode> audited = new ArrayList<>();
    audited.add(body.get("audit"));
    body.get("whatIf").forEach(audited::add);
    for (JsonNode pathwayAudit : audited) {
      String id = pathwayAudit.get("pathway").get("id").asText();
      JsonNode pathway = okJson(server.get("/api/pathways/" + id));
      assertEquals(texts(pathway.get("destinations"), "id"), texts(pathwayAudit.get("destinations"), "id"), id);
      for (int i = 0; i < pathway.get("destinations").size(); i++) {
        JsonNode destination = pathway.get("destinations").get(i);
        JsonNode result = pathwayAudit.get("destinations").get(i);
        assertEquals(destination.get("credential"), result.get("credential"));
        assertEquals(destination.get("offRamp"), result.get("offRamp"));
        assertSameTree(destination.get("requirement"), result.get("requirements"));
      }
    }
  }

  private static void assertSameTree(JsonNode requirement, JsonNode node) {
    assertNotNull(node, "audit node for " + requirement.get("id"));
    assertEquals(requirement.get("id"), node.get("id"));
    assertEquals(requirement.get("kind"), node.get("kind"), requirement.get("id").asText());
    assertEquals(requirement.get("target"), node.get("target"), requirement.get("id").asText());
    assertEquals(requirement.get("children").size(), node.get("children").size(), requirement.get("id").asText());
    for (int i = 0; i < requirement.get("children").size(); i++) {
      assertSameTree(requirement.get("children").get(i), node.get("children").get(i));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("audits")
  void auditStatusesFollowTheRules(Path file) {
    JsonNode body = audit(file);
    List<JsonNode> audited = new ArrayList<>();
    audited.add(body.get("audit"));
    body.get("whatIf").forEach(audited::add);
    for (JsonNode pathwayAudit : audited) {
      String best = "missing";
      for (JsonNode destination : pathwayAudit.get("destinations")) {
        String status = destination.get("status").asText();
        if (destination.get("alreadyHeld").asBoolean()) {
          assertEquals("satisfied", status, destination.get("id") + " is held");
        } else {
          assertEquals(destination.get("requirements").get("status").asText(), status,
              destination.get("id") + " has its tree's status");
        }
        checkNode(destination.get("requirements"));
        best = STATUS_ORDER.indexOf(status) < STATUS_ORDER.indexOf(best) ? status : best;
      }
      assertEquals(best, pathwayAudit.get("status").asText(), "a pathway has its best destination's status");
      // and names the destination that status refers to (a final destination before an exit award)
      JsonNode named = null;
      for (JsonNode destination : pathwayAudit.get("destinations")) {
        if (destination.get("id").equals(pathwayAudit.get("statusDestination").get("id"))) {
          named = destination;
        }
      }
      assertNotNull(named, "statusDestination is one of the destinations");
      assertEquals(best, named.get("status").asText(), "statusDestination has the pathway's status");
      for (JsonNode destination : pathwayAudit.get("destinations")) {
        assertFalse(destination.get("status").asText().equals(best) && named.get("offRamp").asBoolean()
            && !destination.get("offRamp").asBoolean(), "an exit award is named only when no final destination "
            + "is as far");
        assertEquals("best-fit", destination.get("fit").get("method").asText(), destination.get("id").asText());
      }
      assertTrue(pathwayAudit.get("statusNote").asText().contains(named.get("name").asText()),
          pathwayAudit.get("statusNote").asText());
    }
  }

  private static void checkNode(JsonNode node) {
    String id = node.get("id").asText();
    String kind = node.get("kind").asText();
    String status = node.get("status").asText();
    int satisfiedChildren = 0;
    for (JsonNode child : node.get("children")) {
      checkNode(child);
      satisfiedChildren += child.get("status").asText().equals("satisfied") ? 1 : 0;
    }
    if (kind.equals("credential") || kind.equals("competency")) {
      assertEquals(1, node.get("required").asInt(), id + " a leaf requires 1");
      assertEquals(status.equals("satisfied") ? 1 : 0, node.get("satisfied").asInt(), id + " satisfied count");
      if (kind.equals("competency")) {
        assertFalse(status.equals("partial"), id + " a competency leaf is never partial");
      }
      return;
    }
    assertEquals(satisfiedChildren, node.get("satisfied").asInt(), id + " counts its satisfied children");
    if (!node.get("exception").isNull()) {
      assertEquals("satisfied", status, id + " carries an exception");
      return;
    }
    boolean met = switch (kind) {
      case "all-of" -> satisfiedChildren == node.get("children").size();
      case "at-least" -> satisfiedChildren >= node.get("required").asInt();
      case "minimum-credits" -> node.get("credits").asDouble() >= node.get("requiredCredits").asDouble() - 1e-9;
      default -> throw new AssertionError("unknown kind " + kind + " at " + id);
    };
    assertEquals(met, status.equals("satisfied"), id + " (" + kind + ") is " + status);
  }

  @Test
  void theWaiveExceptionShowsOnTheWaivedNode() {
    int waivers = 0;
    for (Path file : TestServer.sampleFiles("audits")) {
      JsonNode request = json(TestServer.read(file));
      for (JsonNode exception : request.path("exceptions")) {
        if (!exception.get("kind").asText().equals("waive")) {
          continue;
        }
        waivers++;
        String requirement = exception.get("requirement").asText();
        List<JsonNode> nodes = find(audit(file).get("audit"), requirement);
        assertFalse(nodes.isEmpty(), file.getFileName() + ": no node " + requirement + " in the audit");
        for (JsonNode node : nodes) {
          assertEquals("satisfied", node.get("status").asText(), requirement + " is waived");
          assertEquals("waived: " + exception.get("note").asText(), node.get("exception").asText());
          assertTrue(node.get("countedCredentials").isEmpty() && node.get("countedCompetencies").isEmpty(),
              "a waiver consumes no holdings");
        }
      }
    }
    assertTrue(waivers > 0, "the sample audits include a waiver");
  }

  @Test
  void theSubstituteExceptionShowsOnTheSubstitutedNode() {
    int substitutions = 0;
    for (Path file : TestServer.sampleFiles("audits")) {
      JsonNode request = json(TestServer.read(file));
      Set<String> held = strings(request.path("learner").get("credentials"));
      for (JsonNode exception : request.path("exceptions")) {
        if (!exception.get("kind").asText().equals("substitute")) {
          continue;
        }
        String credential = exception.get("credential").asText();
        for (JsonNode node : find(audit(file).get("audit"), exception.get("requirement").asText())) {
          if (!held.contains(credential) || held.contains(node.get("target").get("id").asText())) {
            continue; // the substitute is not used when it is not held or the named credential is
          }
          substitutions++;
          assertEquals("satisfied", node.get("status").asText());
          assertEquals("substituted by " + credential + ": " + exception.get("note").asText(),
              node.get("exception").asText());
          assertEquals(List.of(credential), texts(node.get("countedCredentials"), "id"));
        }
      }
    }
    assertTrue(substitutions > 0, "the sample audits include a substitution that is used");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("audits")
  void whatIfAuditsIgnoreTheAdvisorExceptions(Path file) {
    for (JsonNode whatIf : audit(file).get("whatIf")) {
      assertTrue(find(whatIf, null).stream().allMatch(n -> n.get("exception").isNull()),
          "what-if audit of " + whatIf.get("pathway").get("id") + " shows an exception");
    }
  }

  /** Nodes of every destination tree of {@code pathwayAudit} with this id (every node when id is null). */
  private static List<JsonNode> find(JsonNode pathwayAudit, String id) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode destination : pathwayAudit.get("destinations")) {
      collect(destination.get("requirements"), id, out);
    }
    return out;
  }

  private static void collect(JsonNode node, String id, List<JsonNode> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (id == null || node.get("id").asText().equals(id)) {
      out.add(node);
    }
    node.get("children").forEach(child -> collect(child, id, out));
  }
}
