package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/imports} over HTTP: behind the operator's token (403 without one configured, 401 without the
 * right one, nothing written either way), every bad input a 4xx problem, a refusal per resource in a 200, and
 * its own body limit (16 MiB) above the API's 256 KiB.
 */
class ImportApiTest {
  private static final String TOKEN = "test-admin-token-0123456789";
  private static final String CTDL_JSONLD = "application/ld+json; profile=\"https://purl.org/ctdl/terms/\"";
  private static final OpenApiContract contract = OpenApiContract.load();

  @RegisterExtension
  static final TestServer server = TestServer.startWithAdminToken(TOKEN);

  @RegisterExtension
  static final TestServer closed = TestServer.start();

  private static HttpResponse<String> post(TestServer s, String query, String contentType, byte[] body, String token) {
    return token == null
        ? s.post("/api/imports" + query, body, "Content-Type", contentType)
        : s.post("/api/imports" + query, body, "Content-Type", contentType, "Authorization", "Bearer " + token);
  }

  /** A CTDL Open Badge named {@code slug} with {@code extra} JSON members; shared with {@link ClusterTest}. */
  static byte[] badge(String slug, String extra) {
    return ("""
        {"@context": "https://credreg.net/ctdl/schema/context/json", "@graph": [{
          "@id": "https://example.org/credentials/%s", "@type": "ceterms:OpenBadge",
          "ceterms:name": {"en": "Badge %s"},
          "ceterms:estimatedDuration": [{"@type": "ceterms:DurationProfile", "ceterms:exactDuration": "PT15H"}],
          "ceterms:teaches": [{"@type": "ceterms:CredentialAlignmentObject",
             "ceterms:targetNode": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"}],
          "ceterms:ownedBy": "https://w3id.org/cairn/id/issuer/skillforge"%s}]}
        """).formatted(slug, slug, extra).getBytes(StandardCharsets.UTF_8);
  }

  private static void assertProblem(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response::body);
    assertEquals("application/problem+json", TestServer.mediaType(response));
    contract.assertMatchesComponent("Problem", response.body());
  }

  @Test
  void withoutAConfiguredTokenImportsAreOffAndNothingIsWritten() {
    long version = closed.cairn().catalog().store().version();
    HttpResponse<String> r = post(closed, "?format=ctdl", CTDL_JSONLD, badge("off", ""), TOKEN);
    assertProblem(403, r);
    assertTrue(r.body().contains("CAIRN_ADMIN_TOKEN"), r.body());
    assertEquals(version, closed.cairn().catalog().store().version());
  }

  @Test
  void aMissingOrWrongTokenIs401WithTheBearerChallengeAndNothingIsWritten() {
    long version = server.cairn().catalog().store().version();
    for (String token : new String[] {null, "not-the-token-at-all-xxxx"}) {
      HttpResponse<String> r = post(server, "?format=ctdl", CTDL_JSONLD, badge("nope", ""), token);
      assertProblem(401, r);
      assertEquals("Bearer realm=\"cairn\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
    }
    assertEquals(version, server.cairn().catalog().store().version());
    // reads stay open
    assertEquals(200, server.get("/api/credentials?limit=1").statusCode());
  }

  @Test
  void anImportAnswersWhatItAddedAndTheCatalogShowsIt() {
    HttpResponse<String> r = post(server, "?name=sql-badge", CTDL_JSONLD, badge("sql-badge", ""), TOKEN);
    JsonNode report = TestServer.okJson(r);
    contract.assertResponseMatches("/api/imports", "post", r);
    assertEquals("ctdl", report.get("format").asText());
    assertEquals("https://example.org/credentials/sql-badge", report.get("added").get(0).get("iri").asText());
    assertEquals("urn:cairn:source:upload:sql-badge", report.get("sources").get(0).get("graph").asText());
    assertEquals("upload:sql-badge", report.get("sources").get(0).get("origin").asText());
    assertEquals("added", report.get("changes").get(0).get("kind").asText());
    JsonNode credential = TestServer.okJson(server.get("/api/credentials/sql-badge"));
    assertEquals("Badge sql-badge", credential.get("name").asText());
    assertEquals(15.0, credential.get("hours").asDouble());
    // the same name again replaces it whole
    JsonNode again = TestServer.okJson(post(server, "?name=sql-badge", CTDL_JSONLD, badge("sql-badge", ""), TOKEN));
    assertEquals(0, again.get("added").size());
    assertEquals(1, again.get("replaced").size());
    assertEquals("replaced", again.get("changes").get(0).get("kind").asText());
  }

  @Test
  void aResourceThatBreaksAShapeIsRefusedWithItsReasonInA200() {
    byte[] doc = badge("neg-price", ", \"ceterms:estimatedCost\": [{\"@type\": \"ceterms:CostProfile\", "
        + "\"ceterms:price\": -5, \"ceterms:currency\": \"EUR\"}]");
    long version = server.cairn().catalog().store().version();
    HttpResponse<String> r = post(server, "?format=ctdl&name=neg-price", "application/ld+json", doc, TOKEN);
    JsonNode report = TestServer.okJson(r);
    contract.assertResponseMatches("/api/imports", "post", r);
    assertEquals("https://example.org/credentials/neg-price", report.get("refused").get(0).get("resource").asText());
    assertTrue(report.get("refused").get(0).get("reason").asText().contains("ceterms:price"), r.body());
    assertEquals(404, server.get("/api/credentials/neg-price").statusCode());
    // its one resource refused, the document stored nothing, not even its provenance
    assertEquals(0, report.get("sources").size());
    assertEquals(version, server.cairn().catalog().store().version());
  }

  @Test
  void badInputsAreProblemsThatSayWhatToFix() {
    record Case(String query, String contentType, byte[] body, int status, String says) {}
    byte[] ok = badge("x", "");
    List<Case> cases = List.of(
        new Case("", "application/ld+json", ok, 400, "say which standard"),
        new Case("?format=xml", "application/ld+json", ok, 400, "unknown format"),
        new Case("?format=ctdl&limit=3", "application/ld+json", ok, 400, "limit"),
        new Case("?format=ctdl", "text/plain", ok, 415, "Content-Type"),
        new Case("", "application/ld+json; profile=\"https://example.org/nope\"", ok, 415, "unknown profile"),
        new Case("?format=elm", CTDL_JSONLD, ok, 400, "disagree"),
        new Case("?format=ctdl", "application/ld+json", "{not json".getBytes(StandardCharsets.UTF_8), 400, "not valid JSON"),
        new Case("?format=ctdl", "application/ld+json", new byte[0], 400, "empty"),
        new Case("?format=ctdl&name=../../etc", "application/ld+json", ok, 400, "name must be"),
        new Case("?format=ob3", "text/turtle", ok, 415, "JSON"),
        new Case("?format=ctdl", "application/ld+json",
            "{\"@context\": \"https://example.org/remote-context\", \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8),
            400, "not available offline"),
        new Case("?format=ctdl", "application/ld+json",
            "{\"@context\": \"https://credreg.net/ctdl/schema/context/json\", \"@id\": \"https://example.org/x\"}"
                .getBytes(StandardCharsets.UTF_8), 422, "no CTDL resource"));
    long version = server.cairn().catalog().store().version();
    for (Case c : cases) {
      HttpResponse<String> r = post(server, c.query(), c.contentType(), c.body(), TOKEN);
      assertProblem(c.status(), r);
      assertTrue(r.body().contains(c.says()), () -> c + " -> " + r.body());
      contract.assertResponseMatches("/api/imports", "post", r);
    }
    assertEquals(version, server.cairn().catalog().store().version(), "a refused request wrote something");
  }

  @Test
  void importsHaveTheirOwnBodyLimitAboveTheApis() throws Exception {
    // the ELM micro-credential example is 109 KiB; padded past the API's 256 KiB limit with JSON whitespace
    Path mc = Path.of(System.getProperty("cairn.shared", "../shared"), "standards/elm/examples/Sample-MC-Annex1-unsigned.jsonld");
    String text = Files.readString(mc);
    String padded = text.substring(0, text.length() - 1) + " ".repeat(300 * 1024) + "}";
    HttpResponse<String> r = post(server, "?format=elm&name=mc", "application/ld+json",
        padded.getBytes(StandardCharsets.UTF_8), TOKEN);
    JsonNode report = TestServer.okJson(r);
    assertTrue(report.get("added").size() >= 1, r.body());
    // and above 16 MiB it is refused, before anything is parsed
    byte[] huge = new byte[16 * 1024 * 1024 + 10];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertProblem(413, post(server, "?format=ctdl", "application/ld+json", huge, TOKEN));
  }
}
