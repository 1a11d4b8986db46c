package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A credential and a pathway in each standard's JSON-LD, by {@code ?format=} or by the Accept header's profile. */
class ExportApiTest {
  private static final OpenApiContract contract = OpenApiContract.load();

  @RegisterExtension
  static final TestServer server = TestServer.start();

  private static JsonNode ldJson(HttpResponse<String> r, String profile) {
    assertEquals(200, r.statusCode(), r::body);
    assertEquals("application/ld+json", TestServer.mediaType(r));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("profile=\"" + profile + "\""));
    return TestServer.json(r.body());
  }

  @Test
  void aCredentialInEachStandard() {
    String path = "/api/credentials/nb-mc-machine-learning";
    JsonNode ctdl = ldJson(server.get(path + "?format=ctdl"), "https://purl.org/ctdl/terms/");
    assertEquals("https://credreg.net/ctdl/schema/context/json", ctdl.get("@context").asText());
    JsonNode node = ctdl.get("@graph").get(0);
    assertEquals("ceterms:MicroCredential", node.get("@type").asText());
    assertTrue(node.has("ceterms:requires") && node.has("ceterms:creditValue"), node::toString);
    contract.assertResponseMatches("/api/credentials/{id}", "get", server.get(path + "?format=ctdl"));

    JsonNode byAccept = ldJson(server.getAccepting(path,
        "application/ld+json; profile=\"https://purl.imsglobal.org/spec/ob/v3p0/\""), "https://purl.imsglobal.org/spec/ob/v3p0/");
    assertEquals("https://w3id.org/cairn/id/credential/nb-mc-machine-learning", byAccept.get("id").asText());
    assertTrue(byAccept.get("type").toString().contains("Achievement"));

    JsonNode elm = ldJson(server.get(path + "?format=elm"), "http://data.europa.eu/snb/model/elm/");
    assertTrue(elm.get("@graph").get(0).get("type").toString().contains("LearningAchievementSpecification"));
    assertEquals("10", elm.get("@graph").get(0).get("creditPoint").get(0).get("point").asText());
    // without a profile, ld+json is CTDL; plain JSON stays Cairn's own
    assertEquals("https://credreg.net/ctdl/schema/context/json",
        ldJson(server.getAccepting(path, "application/ld+json"), "https://purl.org/ctdl/terms/").get("@context").asText());
    assertEquals("nb-mc-machine-learning", TestServer.okJson(server.get(path)).get("id").asText());
  }

  @Test
  void aPathwayInCtdlWithItsComponentsAndConditions() {
    JsonNode doc = ldJson(server.get("/api/pathways/data-analytics?format=ctdl"), "https://purl.org/ctdl/terms/");
    JsonNode graph = doc.get("@graph");
    assertEquals("ceterms:Pathway", graph.get(0).get("@type").asText());
    assertEquals(2, graph.get(0).get("ceterms:hasDestinationComponent").size());
    long conditions = 0;
    for (JsonNode n : graph) {
      if (n.get("@type").asText().equals("ceterms:ComponentCondition")) {
        conditions++;
      }
    }
    assertTrue(conditions >= 8, doc::toString);
    contract.assertResponseMatches("/api/pathways/{id}", "get", server.get("/api/pathways/data-analytics?format=ctdl"));
  }

  @Test
  void whatAStandardCannotSayOrAnUnknownAskIsAProblem() {
    for (String[] ask : new String[][] {
        {"/api/pathways/data-analytics?format=elm", null, "406"},
        {"/api/pathways/data-analytics?format=ob3", null, "406"},
        {"/api/credentials/sf-sql-basics?format=case", null, "400"},
        {"/api/credentials/sf-sql-basics?format=xml", null, "400"},
        {"/api/credentials/sf-sql-basics?fmt=ctdl", null, "400"},
        {"/api/credentials/sf-sql-basics", "application/ld+json; profile=\"https://example.org/nope\"", "406"}}) {
      HttpResponse<String> r = ask[1] == null ? server.get(ask[0]) : server.getAccepting(ask[0], ask[1]);
      assertEquals(Integer.parseInt(ask[2]), r.statusCode(), () -> ask[0] + ": " + r.body());
      assertEquals("application/problem+json", TestServer.mediaType(r));
      contract.assertMatchesComponent("Problem", r.body());
    }
  }
}
