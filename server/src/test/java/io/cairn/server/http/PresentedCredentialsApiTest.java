package io.cairn.server.http;

import static io.cairn.server.http.TestServer.json;
import static io.cairn.server.http.TestServer.okJson;
import static io.cairn.server.http.TestServer.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.interop.vc.Ob3Fixtures;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Learners present Open Badges 3.0 / CLR 2.0 credentials in requests (the shared fixtures, signed elsewhere): a
 * verified badge counts and changes the suggestions; a tampered one is refused with its reason; both are listed under
 * {@code holdings}; a body that is not a credential list is a 400 problem.
 */
class PresentedCredentialsApiTest {
  private static final String DATA_ANALYST = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";

  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();

  private static JsonNode fixture(String file) {
    String text = Ob3Fixtures.text(file);
    return file.endsWith(".jwt") ? TestServer.JSON.getNodeFactory().textNode(text) : json(text);
  }

  private static ObjectNode request(String... presented) {
    ObjectNode body = TestServer.JSON.createObjectNode();
    ArrayNode list = body.putObject("learner").putArray("presented");
    for (String file : presented) {
      list.add(fixture(file));
    }
    body.putObject("goal").put("type", "occupation").put("id", DATA_ANALYST);
    body.put("k", 10);
    return body;
  }

  private static JsonNode recommend(ObjectNode body) {
    HttpResponse<String> response = server.postJson("/api/recommendations", body.toString());
    JsonNode answer = okJson(response);
    contract.assertResponseMatches("/api/recommendations", "post", response);
    return answer;
  }

  @Test
  void aVerifiedBadgeCountsAndATamperedOneIsRefusedWithItsReason() {
    JsonNode without = recommend(request());
    JsonNode with = recommend(request("valid-ob3-di-eddsa-rdfc-2022-sf-spreadsheet-essentials.json",
        "invalid-ob3-di-claim-tampered.json"));

    JsonNode verified = with.at("/holdings/verified");
    assertEquals(1, verified.size(), with.get("holdings")::toString);
    assertEquals(0, verified.get(0).get("index").asInt());
    assertEquals("eddsa-rdfc-2022", verified.get(0).get("format").asText());
    assertEquals("sf-spreadsheet-essentials", verified.at("/0/achievements/0/credential/id").asText());
    JsonNode refused = with.at("/holdings/refused");
    assertEquals(1, refused.size());
    assertEquals(1, refused.get(0).get("index").asInt());
    assertEquals("bad-signature", refused.get(0).get("reason").asText());
    assertFalse(refused.get(0).get("detail").asText().isBlank());

    assertTrue(with.at("/goal/metTargets").asInt() > without.at("/goal/metTargets").asInt(),
        "the badge's skills now count toward the goal");
    assertFalse(texts(with.get("items"), "credential").toString().contains("sf-spreadsheet-essentials"));
    assertNotEquals(with.get("items").toString(), without.get("items").toString(), "the suggestions change");
    assertEquals(0, without.at("/holdings/verified").size());
  }

  @Test
  void jwtsAndClrsVerifyAndUnknownAchievementsCountTheirAlignedSkills() {
    JsonNode answer = recommend(request("valid-ob3-vc-jwt-EdDSA-sql-querying.jwt",
        "valid-clr2-di-eddsa-rdfc-2022-learner-record.json", "invalid-ob3-vc-jwt-alg-none.jwt",
        "invalid-ob3-vc-jwt-expired.jwt"));
    JsonNode verified = answer.at("/holdings/verified");
    assertEquals(2, verified.size(), answer.get("holdings")::toString);
    assertEquals("vc-jwt EdDSA", verified.get(0).get("format").asText());
    JsonNode sql = verified.at("/0/achievements/0");
    assertTrue(sql.get("credential").isNull(), "the catalog does not know example.org's SQL badge");
    assertTrue(texts(sql.get("competencies"), "iri").contains(
        "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"), "SQL, from its alignment");
    assertEquals("ClrCredential", verified.get(1).get("credentialType").asText());
    assertEquals(2, verified.at("/1/achievements").size(), "both nested credentials");
    assertEquals("[unsupported-proof, expired]", texts(answer.at("/holdings/refused"), "reason").toString());
  }

  @Test
  void auditsListHoldingsToo() {
    ObjectNode body = TestServer.JSON.createObjectNode();
    body.putObject("learner").put("name", "x").putArray("credentials").add("sf-remote-teamwork");
    ((ObjectNode) body.get("learner")).putArray("presented")
        .add(fixture("valid-ob3-di-eddsa-rdfc-2022-sf-spreadsheet-essentials.json"));
    body.put("pathway", "data-analytics");
    HttpResponse<String> response = server.postJson("/api/audits", body.toString());
    JsonNode answer = okJson(response);
    contract.assertResponseMatches("/api/audits", "post", response);
    assertEquals("sf-remote-teamwork", answer.at("/holdings/declared/credentials/0/id").asText());
    assertEquals("sf-spreadsheet-essentials",
        answer.at("/holdings/verified/0/achievements/0/credential/id").asText());
  }

  @Test
  void plansCountAVerifiedBadgeAsHeldAndListTheHoldings() {
    ObjectNode without = request();
    without.remove("k");
    without.put("reach", 0.8).put("alternatives", 1);
    ObjectNode with = without.deepCopy();
    ((ArrayNode) with.at("/learner/presented")).add(fixture(
        "valid-ob3-di-eddsa-rdfc-2022-sf-spreadsheet-essentials.json")).add(fixture("invalid-ob3-di-claim-tampered.json"));
    JsonNode before = plan(without);
    JsonNode after = plan(with);
    assertEquals("sf-spreadsheet-essentials", after.at("/holdings/verified/0/achievements/0/credential/id").asText());
    assertEquals("bad-signature", after.at("/holdings/refused/0/reason").asText());
    assertEquals(0, before.at("/holdings/verified").size());
    assertTrue(after.at("/goal/held").asInt() > before.at("/goal/held").asInt(),
        "the badge's skills count toward the goal: " + before.get("goal") + " vs " + after.get("goal"));
    for (JsonNode plan : after.get("plans")) {
      assertFalse(texts(plan.get("steps"), "credential").toString().contains("sf-spreadsheet-essentials"),
          "a verified badge is not bought again: " + plan);
    }
  }

  private static JsonNode plan(ObjectNode body) {
    HttpResponse<String> response = server.postJson("/api/plans", body.toString());
    JsonNode answer = okJson(response);
    contract.assertResponseMatches("/api/plans", "post", response);
    return answer;
  }

  @Test
  void somethingThatIsNotACredentialListIsABadRequest() {
    String goal = ", \"goal\": {\"type\": \"occupation\", \"id\": \"" + DATA_ANALYST + "\"}}";
    for (String presented : new String[] {"[42]", "[null]", "[\"\"]", "[\"{\\\"a\\\": 1}\"]", "[[]]", "{}"}) {
      HttpResponse<String> response = server.postJson("/api/recommendations",
          "{\"learner\": {\"presented\": " + presented + "}" + goal);
      assertEquals(400, response.statusCode(), () -> presented + " -> " + response.body());
      assertEquals("application/problem+json", TestServer.mediaType(response));
      contract.assertResponseMatches("/api/recommendations", "post", response);
    }
    ArrayNode many = TestServer.JSON.createArrayNode();
    for (int i = 0; i < 21; i++) {
      many.add("a.b.c");
    }
    HttpResponse<String> tooMany = server.postJson("/api/recommendations",
        "{\"learner\": {\"presented\": " + many + "}" + goal);
    assertEquals(400, tooMany.statusCode());
    assertTrue(json(tooMany.body()).get("detail").asText().contains("at most 20"), tooMany.body());
  }

  @Test
  void theDocumentedRequestSchemaAcceptsWhatTheServerAccepts() {
    contract.assertMatchesComponent("RecommendationRequest", request(
        "valid-ob3-vc-jwt-ES256-data-visualisation-practitioner.jwt",
        "valid-ob3-ed25519-2020-applied-data-analytics-certificate.json").toString());
  }
}
