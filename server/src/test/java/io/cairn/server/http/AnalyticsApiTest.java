package io.cairn.server.http;

import static io.cairn.server.http.TestServer.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The designer's analytics over HTTP on the sample with the real job offers: the planted near-duplicates, their
 * inflation signals and the sample's deliberate gaps, as JSON checked against openapi.json and as CSV.
 */
class AnalyticsApiTest {
  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();

  private static JsonNode get(String path, String query) {
    HttpResponse<String> response = server.get(path + (query.isEmpty() ? "" : "?" + query));
    JsonNode body = okJson(response);
    contract.assertResponseMatches(path, "get", response);
    return body;
  }

  private static Set<Set<String>> pairs(JsonNode items) {
    Set<Set<String>> pairs = new HashSet<>();
    items.forEach(p -> pairs.add(Set.of(p.get("a").get("id").asText(), p.get("b").get("id").asText())));
    return pairs;
  }

  @Test
  void overlapListsThePlantedNearDuplicatesWithTheirClustersAndPages() {
    JsonNode all = get("/api/analytics/overlap", "limit=100");
    assertEquals("catalog", all.get("scope").get("kind").asText());
    assertEquals(84, all.get("scope").get("credentials").asInt());
    assertEquals(all.get("total").asInt(), all.get("items").size());
    Set<Set<String>> found = pairs(all.get("items"));
    assertTrue(found.contains(Set.of("cc-data-cleaning-bootcamp", "sf-data-cleaning")), found.toString());
    assertTrue(found.contains(Set.of("cc-statistics-fundamentals", "cc-statistics-refresher")), found.toString());
    double last = 1;
    for (JsonNode p : all.get("items")) {
      double jaccard = p.get("jaccard").asDouble();
      assertTrue(jaccard >= 0.5 && jaccard <= last, p.toString());
      last = jaccard;
      boolean sameIssuer = p.get("a").get("issuer").get("id").asText().equals(p.get("b").get("issuer").get("id")
          .asText());
      assertEquals(sameIssuer, p.get("sameIssuer").asBoolean(), p.toString());
    }
    JsonNode cleaning = null;
    for (JsonNode c : all.get("clusters")) {
      List<String> members = TestServer.texts(c.get("members"), "id");
      if (members.contains("cc-data-cleaning-express")) {
        cleaning = c;
        assertTrue(members.containsAll(List.of("sf-data-cleaning", "cc-data-cleaning-bootcamp")), members.toString());
      }
    }
    assertEquals("sf-data-cleaning", cleaning.get("cheapest").asText());
    assertEquals("sf-data-cleaning", cleaning.get("shortest").asText());
    JsonNode page = get("/api/analytics/overlap", "limit=2&offset=2");
    assertEquals(all.get("total").asInt(), page.get("total").asInt());
    assertEquals(all.get("items").get(2), page.get("items").get(0));
    assertEquals(all.get("items").get(3), page.get("items").get(1));
  }

  @Test
  void anIssuersOverlapStaysWithinItAndAHigherThresholdFindsFewer() {
    JsonNode copycat = get("/api/analytics/overlap", "issuer=copycat-badges");
    assertEquals("issuer", copycat.get("scope").get("kind").asText());
    assertEquals(4, copycat.get("scope").get("credentials").asInt());
    assertEquals(Set.of(Set.of("cc-data-cleaning-bootcamp", "cc-data-cleaning-express"),
        Set.of("cc-statistics-fundamentals", "cc-statistics-refresher")), pairs(copycat.get("items")));
    copycat.get("items").forEach(p -> assertTrue(p.get("sameIssuer").asBoolean()));
    JsonNode strict = get("/api/analytics/overlap", "minSimilarity=0.75&limit=100");
    assertTrue(strict.get("total").asInt() < get("/api/analytics/overlap", "").get("total").asInt());
    strict.get("items").forEach(p -> assertTrue(p.get("jaccard").asDouble() >= 0.75, p.toString()));
    JsonNode pathway = get("/api/analytics/overlap", "pathway=data-analytics&limit=100");
    assertEquals("pathway", pathway.get("scope").get("kind").asText());
    assertTrue(pathway.get("scope").get("credentials").asInt() < 84);
  }

  @Test
  void inflationExplainsEachSignalWithEvidenceAndFiltersBySignal() {
    JsonNode covered = get("/api/analytics/inflation", "signal=covered-by-cheaper&limit=100");
    List<String> ids = new ArrayList<>();
    for (JsonNode item : covered.get("items")) {
      ids.add(item.get("credential").get("id").asText());
      assertTrue(TestServer.texts(item.get("signals"), "kind").contains("covered-by-cheaper"), item.toString());
    }
    assertTrue(ids.containsAll(List.of("cc-data-cleaning-bootcamp", "cc-data-cleaning-express",
        "cc-statistics-fundamentals")), ids.toString());
    JsonNode bootcamp = covered.get("items").get(ids.indexOf("cc-data-cleaning-bootcamp"));
    JsonNode signal = bootcamp.get("signals").get(0);
    assertTrue(signal.get("text").asText().contains("Data Cleaning in Practice"), signal.toString());
    assertTrue(TestServer.texts(signal.get("evidence"), "id").contains("sf-data-cleaning"), signal.toString());
    JsonNode all = get("/api/analytics/inflation", "");
    assertEquals(84, all.get("total").asInt());
    assertTrue(all.get("demandKnown").asBoolean());
    JsonNode first = all.get("issuers").get(0);
    assertEquals("copycat-badges", first.get("issuer").get("id").asText());
    assertEquals(1.0, first.get("nearDuplicateShare").asDouble());
    JsonNode perHour = all.get("distribution").get("perHour");
    assertTrue(perHour.get("p10").asDouble() <= perHour.get("p50").asDouble()
        && perHour.get("p50").asDouble() <= perHour.get("p90").asDouble(), perHour.toString());
    int binned = 0;
    for (JsonNode bin : all.get("distribution").get("histogram")) {
      binned += bin.get("count").asInt();
    }
    assertEquals(perHour.get("count").asInt(), binned);
  }

  @Test
  void gapsRankTheSamplesUntaughtSkillsByTheirJobOffers() {
    JsonNode all = get("/api/analytics/gaps", "limit=100");
    assertEquals("catalog", all.get("scope").get("kind").asText());
    assertEquals(8, all.get("scope").get("occupations").asInt());
    List<String> untaught = new ArrayList<>();
    long last = Long.MAX_VALUE;
    for (JsonNode g : all.get("items")) {
      assertTrue(g.get("jobOffers").asLong() <= last, all.get("items").toString());
      last = g.get("jobOffers").asLong();
      if (g.get("reason").asText().equals("untaught")) {
        untaught.add(g.get("competency").get("label").asText());
        assertTrue(g.get("jobOffers").asLong() > 0 && g.get("taughtBy").isEmpty(), g.toString());
      } else {
        assertTrue(g.get("cheapestCost").asDouble() > all.get("expensiveAbove").asDouble(), g.toString());
      }
    }
    assertEquals(Set.of("manage closed-circuit television system", "neuromarketing techniques"),
        new HashSet<>(untaught));
    JsonNode group = get("/api/analytics/gaps", "isco=35");
    assertEquals("isco", group.get("scope").get("kind").asText());
    List<String> groupGaps = new ArrayList<>();
    group.get("items").forEach(g -> groupGaps.add(g.get("competency").get("label").asText()));
    assertEquals(List.of("manage closed-circuit television system"), groupGaps, "the ICT security technician's");
    JsonNode one = get("/api/analytics/gaps", "occupation=d3edb8f8-3a06-47a0-8fb9-9b212c006aa2");
    assertEquals("occupation", one.get("scope").get("kind").asText());
    get("/api/analytics/gaps", "pathway=web-development");
  }

  @ParameterizedTest
  @CsvSource({"/api/analytics/overlap,limit=100", "/api/analytics/inflation,", "/api/analytics/gaps,"})
  void csvHasAHeaderAndOneRowPerItem(String path, String query) throws IOException {
    JsonNode json = get(path, query == null ? "limit=100" : query);
    HttpResponse<String> csv = server.getAccepting(path + (query == null ? "" : "?" + query), "text/csv");
    assertEquals(200, csv.statusCode(), csv.body());
    assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElse("").toLowerCase());
    contract.assertResponseMatches(path, "get", csv);
    assertTrue(csv.body().contains("\r\n"), "RFC 4180 line ends");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.body())).getRecords();
    assertEquals(json.get("total").asInt(), rows.size(), csv.body());
    String idColumn = path.endsWith("overlap") ? "a_id" : path.endsWith("inflation") ? "credential_id"
        : "competency_id";
    JsonNode firstItem = json.get("items").get(0);
    String firstId = path.endsWith("overlap") ? firstItem.get("a").get("id").asText() : path.endsWith("inflation")
        ? firstItem.get("credential").get("id").asText() : firstItem.get("competency").get("id").asText();
    assertEquals(firstId, rows.get(0).get(idColumn));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/analytics/overlap|minSimilarity=0|400|minSimilarity",
      "/api/analytics/overlap|minSimilarity=abc|400|minSimilarity",
      "/api/analytics/overlap|minSimilarity=1.5|400|minSimilarity",
      "/api/analytics/overlap|issuer=no-such-issuer|404|no-such-issuer",
      "/api/analytics/overlap|issuer=skillforge&pathway=data-analytics|400|at most one",
      "/api/analytics/overlap|limit=0|400|limit",
      "/api/analytics/overlap|minSimilarty=0.5|400|minSimilarty",
      "/api/analytics/inflation|signal=bad-badge|400|covered-by-cheaper",
      "/api/analytics/inflation|pathway=no-such-pathway|404|no-such-pathway",
      "/api/analytics/gaps|isco=9|404|ISCO",
      "/api/analytics/gaps|isco=25x|400|isco",
      "/api/analytics/gaps|occupation=no-such-job|404|no-such-job",
      "/api/analytics/gaps|occupation=x&isco=25|400|at most one",
      "/api/analytics/gaps|offset=-1|400|offset"})
  void badFiltersAreProblemsThatSayWhatToFix(String path, String query, int status, String said) {
    for (String accept : List.of("application/json", "text/csv")) {
      HttpResponse<String> response = server.getAccepting(path + "?" + query, accept);
      assertEquals(status, response.statusCode(), response.body());
      contract.assertResponseMatches(path, "get", response);
      assertTrue(TestServer.json(response.body()).get("detail").asText().contains(said), response.body());
    }
  }
}
