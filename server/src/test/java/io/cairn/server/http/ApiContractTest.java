package io.cairn.server.http;

import static io.cairn.server.http.TestServer.json;
import static io.cairn.server.http.TestServer.okJson;
import static io.cairn.server.http.TestServer.texts;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint's happy path over HTTP against the sample: the status, the Content-Type, meaningful content, and
 * a body that matches the schema the OpenAPI document gives for that operation and status.
 */
class ApiContractTest {
  private static final String PYTHON_LABEL_PREFIX = "Python";

  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();
  /** Every credential summary of the catalog, in catalog order, read through the paged list endpoint. */
  private static List<JsonNode> credentials;
  private static String pythonId;
  private static String occupationId;
  private static String pathwayId;
  private static String credentialId;

  @BeforeAll
  static void start() {
    credentials = all("/api/credentials", "/api/credentials?");
    JsonNode python = get("/api/competencies", "/api/competencies?q=python").get("items").get(0);
    pythonId = python.get("id").asText();
    occupationId = get("/api/occupations", "/api/occupations").get("items").get(0).get("id").asText();
    pathwayId = get("/api/pathways", "/api/pathways").get("items").get(0).get("id").asText();
    credentialId = credentials.getFirst().get("id").asText();
  }

  /** GETs {@code pathAndQuery}, asserts 200 JSON matching the document's schema for {@code template}, returns it. */
  private static JsonNode get(String template, String pathAndQuery) {
    HttpResponse<String> response = server.get(pathAndQuery);
    JsonNode body = okJson(response);
    contract.assertResponseMatches(template, "get", response);
    return body;
  }

  private static JsonNode post(String template, String body) {
    HttpResponse<String> response = server.postJson(template, body);
    JsonNode json = okJson(response);
    contract.assertResponseMatches(template, "post", response);
    return json;
  }

  /** Every item of a paged list, read 100 at a time; checks total, limit and offset on every page. */
  private static List<JsonNode> all(String template, String pathAndQueryPrefix) {
    List<JsonNode> items = new ArrayList<>();
    int total = -1;
    for (int offset = 0; total < 0 || offset < total; offset += 100) {
      JsonNode page = get(template, pathAndQueryPrefix + (pathAndQueryPrefix.endsWith("?") ? "" : "&")
          + "limit=100&offset=" + offset);
      if (total >= 0) {
        assertEquals(total, page.get("total").asInt(), "total changed between pages");
      }
      total = page.get("total").asInt();
      assertEquals(100, page.get("limit").asInt());
      assertEquals(offset, page.get("offset").asInt());
      assertEquals(Math.min(100, Math.max(0, total - offset)), page.get("items").size(),
          "page size at offset " + offset + " of " + total);
      page.get("items").forEach(items::add);
    }
    return items;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static List<String> ids(List<JsonNode> items) {
    return items.stream().map(n -> n.get("id").asText()).toList();
  }

  // ---------- the document itself ----------

  @Test
  void openApiDocumentIsServedAsJsonAndIsTheShippedOne() {
    JsonNode served = get("/openapi.json", "/openapi.json");
    assertEquals(contract.document(), served);
    assertTrue(served.get("openapi").asText().startsWith("3.1"), "OpenAPI 3.1");
  }

  @Test
  void documentDescribesExactlyTheServerRoutes() {
    Set<String> documented = new TreeSet<>();
    contract.document().get("paths").properties().forEach(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    Set<String> routes = new TreeSet<>(List.of(
        "GET /", "GET /health", "GET /openapi.json", "GET /docs", "GET /api/about",
        "GET /api/competencies", "GET /api/competencies/{id}", "GET /api/competencies/{id}/broader",
        "GET /api/competencies/{id}/narrower",
        "GET /api/credentials", "GET /api/credentials/{id}",
        "GET /api/occupations", "GET /api/occupations/{id}",
        "GET /api/pathways", "GET /api/pathways/{id}",
        "POST /api/recommendations", "POST /api/audits", "POST /api/plans", "GET /api/coverage",
        "POST /api/imports",
        "GET /api/model", "POST /api/skills/next", "POST /api/postings/skills",
        "POST /api/postings/match",
        "GET /lti/login", "POST /lti/login", "POST /lti/launch", "GET /lti/session", "GET /lti/members",
        "GET /lti/members/{userId}", "GET /lti/config",
        "GET /lti/jwks", "GET /lti/deep-link", "POST /lti/deep-link",
        "GET /api/lti/platforms", "POST /api/lti/platforms", "GET /api/sis/holdings", "POST /api/badges",
        "GET /api/analytics/overlap", "GET /api/analytics/inflation", "GET /api/analytics/gaps"));
    assertEquals(routes, documented);
  }

  /** The documented path with its {id} replaced by a real id from the sample. */
  private static String concrete(String template) {
    Map<String, String> ids = Map.of(
        "/api/competencies/", pythonId, "/api/credentials/", credentialId,
        "/api/occupations/", occupationId, "/api/pathways/", pathwayId);
    String concrete = template;
    for (Map.Entry<String, String> e : ids.entrySet()) {
      concrete = concrete.replace(e.getKey() + "{id}", e.getKey() + enc(e.getValue()));
    }
    concrete = concrete.replace("/lti/members/{userId}", "/lti/members/demo-learner-1");
    if (concrete.equals("/api/coverage")) {
      concrete += "?occupation=" + enc(occupationId);
    }
    assertFalse(concrete.contains("{"), "no id for " + template);
    return concrete;
  }

  /**
   * This server runs without a skill-value model, so the model's own operations answer their documented
   * no-model problem here (ModelApiTest runs them on a server with a model).
   */
  private static final Map<String, Integer> WITHOUT_MODEL = Map.ofEntries(
      Map.entry("/api/model", 404), Map.entry("/api/skills/next", 409),
      // and without an admin token, so imports are off (ImportApiTest runs them with one)
      Map.entry("/api/imports", 403),
      // nor LTI platforms, a SIS or a badge key: LtiLaunchTest and OneRosterSyncTest run these with them
      Map.entry("/api/lti/platforms", 403), Map.entry("/api/sis/holdings", 403), Map.entry("/api/badges", 403),
      Map.entry("/lti/login", 400), Map.entry("/lti/launch", 400), Map.entry("/lti/session", 401),
      Map.entry("/lti/deep-link", 401),
      Map.entry("/lti/members", 401), Map.entry("/lti/members/{userId}", 401));

  @Test
  void everyDocumentedOperationAnswers200WithItsDocumentedShape() {
    String learner = TestServer.read(TestServer.sampleDir("learners").resolve("jonas-newcomer.json"));
    String audit = TestServer.read(TestServer.sampleDir("audits").resolve("jonas-newcomer.json"));
    String plan = TestServer.read(TestServer.sampleDir("plans").resolve("amira-retail-to-data.json"));
    contract.document().get("paths").properties().forEach(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> {
          String template = path.getKey();
          String concrete = concrete(template);
          HttpResponse<String> response = method.equals("post")
              ? server.postJson(concrete, template.endsWith("recommendations") ? learner
                  : template.endsWith("next") ? "{\"goalField\": \"251\"}" : template.endsWith("plans") ? plan
                  : template.endsWith("postings/skills") ? "{\"title\": \"Data Analyst\", \"text\": \"SQL\"}"
                  : template.endsWith("postings/match") ? "{\"posting\": {\"title\": \"Data Analyst\", \"text\": \"SQL\"},"
                      + " \"learner\": {\"credentials\": [\"sf-spreadsheet-essentials\"]}}"
                  : audit)
              : server.get(concrete);
          int expected = WITHOUT_MODEL.getOrDefault(template, 200);
          assertEquals(expected, response.statusCode(), () -> method + " " + template + ": " + response.body());
          contract.assertResponseMatches(template, method, response);
        }));
  }

  @Test
  void methodsTheDocumentDoesNotListAreRefusedWith405() {
    contract.document().get("paths").properties().forEach(path -> {
      String concrete = concrete(path.getKey());
      for (String method : List.of("get", "post", "put", "patch", "delete")) {
        if (!path.getValue().has(method)) {
          HttpResponse<String> response = server.method(method.toUpperCase(Locale.ROOT), concrete);
          assertEquals(405, response.statusCode(), () -> method + " " + path.getKey()
              + " is not documented, so the server must refuse it: " + response.body());
          contract.assertMatchesComponent("Problem", response.body());
        }
      }
    });
  }

  @Test
  void everyErrorResponseInTheDocumentIsAProblem() {
    contract.document().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
        op.getValue().get("responses").properties().forEach(r -> {
          if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
            JsonNode content = contract.resolve(r.getValue()).get("content");
            String where = op.getKey() + " " + path.getKey() + " " + r.getKey();
            assertEquals(List.of("application/problem+json"), iterable(content), where);
            assertEquals("#/components/schemas/Problem",
                content.get("application/problem+json").get("schema").path("$ref").asText(), where);
          }
        })));
  }

  private static List<String> iterable(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void everyApiOperationDocumentsTheErrorsItCanAnswer() {
    JsonNode paths = contract.document().get("paths");
    paths.properties().forEach(path -> {
      if (!path.getKey().startsWith("/api/") || path.getKey().equals("/api/about")) {
        return;
      }
      path.getValue().properties().forEach(op -> {
        Set<String> codes = new HashSet<>(iterable(op.getValue().get("responses")));
        List<String> expected = op.getKey().equals("post") ? List.of("400", "413", "415", "422")
            : path.getKey().endsWith("}") || path.getKey().endsWith("broader") || path.getKey().endsWith("narrower")
                || path.getKey().equals("/api/model")
                ? List.of("404") : List.of("400");
        assertTrue(codes.containsAll(expected), op.getKey() + " " + path.getKey() + " documents " + codes
            + ", expected at least " + expected);
      });
    });
  }

  @Test
  void everyObjectSchemaRefusesUndocumentedProperties() {
    contract.document().get("components").get("schemas").properties().forEach(e -> {
      JsonNode schema = e.getValue();
      if (schema.has("properties") && !e.getKey().equals("OpenApiDocument")) {
        assertEquals(false, schema.path("additionalProperties").asBoolean(true),
            e.getKey() + " must say additionalProperties: false");
      }
    });
  }

  @Test
  void everyRefInTheDocumentResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(contract.document(), refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertFalse(contract.document().at(ref.substring(1)).isMissingNode(), "dangling " + ref);
    }
  }

  private static void collectRefs(JsonNode node, List<String> into) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        into.add(node.get("$ref").asText());
      }
      node.forEach(child -> collectRefs(child, into));
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, into));
    }
  }

  @Test
  void requestExamplesAreCopiesOfSampleFilesAndMatchTheRequestSchemas() {
    JsonNode learner = contract.operation("/api/recommendations", "post").at("/requestBody/content/application~1json");
    JsonNode audit = contract.operation("/api/audits", "post").at("/requestBody/content/application~1json");
    assertEquals("#/components/schemas/RecommendationRequest", learner.at("/schema/$ref").asText());
    assertEquals("#/components/schemas/AuditRequest", audit.at("/schema/$ref").asText());
    assertExamplesAreSampleFiles(learner.get("examples"), "learners", "RecommendationRequest");
    assertExamplesAreSampleFiles(audit.get("examples"), "audits", "AuditRequest");
  }

  private static void assertExamplesAreSampleFiles(JsonNode examples, String dir, String schema) {
    assertTrue(examples != null && examples.size() > 0, "no request example for " + schema);
    Set<JsonNode> samples = new HashSet<>();
    TestServer.sampleFiles(dir).forEach(f -> samples.add(json(TestServer.read(f))));
    examples.forEach(example -> {
      JsonNode value = example.get("value");
      assertTrue(samples.contains(value), "example is not a copy of a file in datasets/sample/" + dir + ": " + value);
      contract.assertMatchesComponent(schema, value.toString());
    });
  }

  @Test
  void everySampleRequestFileMatchesItsRequestSchema() {
    TestServer.sampleFiles("learners").forEach(f ->
        contract.assertMatchesComponent("RecommendationRequest", TestServer.read(f)));
    TestServer.sampleFiles("audits").forEach(f -> contract.assertMatchesComponent("AuditRequest", TestServer.read(f)));
  }

  @Test
  void requestSchemasRefuseWhatTheServerRefuses() {
    assertAll(
        () -> assertFalse(contract.errorsAgainstComponent("RecommendationRequest",
            "{\"goal\": {\"type\": \"occupation\", \"id\": \"x\"}, \"goalField\": \"251\"}").isEmpty(),
            "a goal and a goal field together"),
        () -> assertFalse(contract.errorsAgainstComponent("RecommendationRequest", "{\"goalField\": \"25\"}").isEmpty(),
            "a goal field of 2 digits"),
        () -> assertFalse(contract.errorsAgainstComponent("RecommendationRequest",
            "{\"goal\": {\"type\": \"occupation\", \"id\": \"x\"}, \"colour\": 1}").isEmpty(), "unknown field"),
        () -> assertFalse(contract.errorsAgainstComponent("RecommendationRequest",
            "{\"goal\": {\"type\": \"occupation\", \"id\": \"x\"}, \"k\": 51}").isEmpty(), "k above 50"),
        () -> assertFalse(contract.errorsAgainstComponent("RecommendationRequest",
            "{\"goal\": {\"type\": \"competencies\"}}").isEmpty(), "competencies goal without ids"),
        () -> assertFalse(contract.errorsAgainstComponent("RecommendationRequest",
            "{\"goal\": {\"type\": \"planet\", \"id\": \"x\"}}").isEmpty(), "unknown goal type"),
        () -> assertFalse(contract.errorsAgainstComponent("AuditRequest", "{\"whatIf\": []}").isEmpty(),
            "pathway is required"),
        () -> assertFalse(contract.errorsAgainstComponent("AuditRequest",
            "{\"pathway\": \"p\", \"exceptions\": [{\"kind\": \"substitute\", \"requirement\": \"r\"}]}").isEmpty(),
            "substitute without credential"));
  }

  @Test
  void contractCheckFailsOnAResponseThatDrifted() {
    ObjectNode health = (ObjectNode) get("/health", "/health");
    health.put("uptime", 42);
    assertFalse(contract.errorsAgainstComponent("Health", health.toString()).isEmpty(), "extra field");
    ObjectNode badType = credentials.getFirst().deepCopy();
    badType.put("type", "diploma");
    assertFalse(contract.errorsAgainstComponent("CredentialSummary", badType.toString()).isEmpty(), "bad enum");
    ObjectNode noCost = credentials.getFirst().deepCopy();
    noCost.remove("cost");
    assertThrows(AssertionError.class,
        () -> contract.assertMatchesComponent("CredentialSummary", noCost.toString()), "missing field");
    contract.assertMatchesComponent("CredentialSummary", credentials.getFirst().toString());
  }

  // ---------- system ----------

  @Test
  void healthIsOkAndCountsWhatTheListsServe() {
    JsonNode health = get("/health", "/health");
    assertEquals("ok", health.get("status").asText());
    assertEquals("in-memory", health.get("store").asText());
    assertTrue(health.get("catalogVersion").asLong() >= 1, "a loaded catalog has a version");
    assertEquals(credentials.size(), health.get("credentials").asInt());
    assertEquals(total("/api/competencies"), health.get("competencies").asInt());
    assertEquals(total("/api/occupations"), health.get("occupations").asInt());
    assertEquals(total("/api/pathways"), health.get("pathways").asInt());
  }

  private static int total(String list) {
    return get(list, list + "?limit=1").get("total").asInt();
  }

  @Test
  void aboutNamesTheServiceAndCarriesTheEscoNotice() {
    JsonNode about = get("/api/about", "/api/about");
    assertEquals("Cairn", about.get("name").asText());
    assertTrue(about.get("esco").asText().contains("ESCO classification of the European Commission"));
    assertTrue(about.get("demandData").asText().toLowerCase(Locale.ROOT).contains("illustrative"));
  }

  // ---------- competencies ----------

  @Test
  void searchingPythonFindsThePythonSkillFirst() {
    JsonNode page = get("/api/competencies", "/api/competencies?q=python");
    JsonNode first = page.get("items").get(0);
    assertTrue(first.get("label").asText().startsWith(PYTHON_LABEL_PREFIX), "first hit: " + first);
    assertEquals("knowledge", first.get("skillType").asText());
    assertTrue(first.get("iri").asText().endsWith("/" + first.get("id").asText()), "id is the IRI's last segment");
  }

  @Test
  void searchMatchesAlternativeLabelsAndSaysWhichLabelMatched() {
    JsonNode detail = get("/api/competencies/{id}", "/api/competencies/" + pythonId);
    String alt = detail.get("altLabels").get(0).asText();
    JsonNode first = get("/api/competencies", "/api/competencies?q=" + enc(alt)).get("items").get(0);
    assertEquals(pythonId, first.get("id").asText());
    assertEquals(alt, first.get("matchedLabel").asText());
  }

  @Test
  void searchIgnoresCaseAndFindsNothingForGibberish() {
    assertEquals(pythonId,
        get("/api/competencies", "/api/competencies?q=PYTHON").get("items").get(0).get("id").asText());
    JsonNode none = get("/api/competencies", "/api/competencies?q=zzqxw");
    assertEquals(0, none.get("total").asInt());
    assertEquals(0, none.get("items").size());
  }

  @Test
  void competencyListPagesAreConsistentWithTotal() {
    List<JsonNode> everything = all("/api/competencies", "/api/competencies?");
    List<String> allIds = ids(everything);
    assertEquals(allIds.size(), new HashSet<>(allIds).size(), "no competency twice");
    JsonNode page = get("/api/competencies", "/api/competencies?limit=7&offset=3");
    assertEquals(7, page.get("limit").asInt());
    assertEquals(3, page.get("offset").asInt());
    assertEquals(everything.size(), page.get("total").asInt());
    assertEquals(allIds.subList(3, 10), ids(list(page.get("items"))));
    JsonNode defaults = get("/api/competencies", "/api/competencies");
    assertEquals(20, defaults.get("limit").asInt());
    assertEquals(0, defaults.get("offset").asInt());
    assertEquals(allIds.subList(0, 20), ids(list(defaults.get("items"))));
  }

  @Test
  void offsetPastTheEndGivesAnEmptyPageWithTheTotal() {
    int total = total("/api/competencies");
    JsonNode page = get("/api/competencies", "/api/competencies?offset=" + (total + 5));
    assertEquals(total, page.get("total").asInt());
    assertEquals(0, page.get("items").size());
  }

  @Test
  void competencyDetailAgreesWithItsBroaderAndNarrowerEndpoints() {
    JsonNode detail = get("/api/competencies/{id}", "/api/competencies/" + pythonId);
    assertEquals(pythonId, detail.get("id").asText());
    assertTrue(detail.get("demand").get("demandIndex").asDouble() > 0, "Python has a demand figure");
    JsonNode broader = get("/api/competencies/{id}/broader", "/api/competencies/" + pythonId + "/broader");
    JsonNode narrower = get("/api/competencies/{id}/narrower", "/api/competencies/" + pythonId + "/narrower");
    assertEquals(detail.get("broader"), broader);
    assertEquals(detail.get("narrower"), narrower);
    assertFalse(broader.isEmpty(), "Python sits under broader concepts in the sample");
    for (JsonNode b : broader) {
      JsonNode below = get("/api/competencies/{id}/narrower", "/api/competencies/" + b.get("id").asText() + "/narrower");
      assertTrue(ids(list(below)).contains(pythonId), b.get("label") + " lists Python among its narrower concepts");
    }
  }

  @Test
  void competencyCanBeFetchedByItsFullIri() {
    JsonNode detail = get("/api/competencies/{id}", "/api/competencies/" + pythonId);
    JsonNode byIri = get("/api/competencies/{id}", "/api/competencies/" + enc(detail.get("iri").asText()));
    assertEquals(detail, byIri);
  }

  @Test
  void credentialsThatTeachACompetencyListItAmongWhatTheyTeach() {
    JsonNode detail = get("/api/competencies/{id}", "/api/competencies/" + pythonId);
    assertFalse(detail.get("taughtBy").isEmpty(), "the sample teaches Python");
    for (JsonNode c : detail.get("taughtBy")) {
      JsonNode credential = get("/api/credentials/{id}", "/api/credentials/" + c.get("id").asText());
      assertTrue(ids(list(credential.get("teaches"))).contains(pythonId), c.get("id") + " teaches Python");
    }
  }

  // ---------- credentials ----------

  @Test
  void credentialListServesEveryCredentialOnce() {
    List<String> allIds = ids(credentials);
    assertEquals(allIds.size(), new HashSet<>(allIds).size());
    assertTrue(allIds.size() > 20, "the sample has many credentials");
  }

  @ParameterizedTest
  @ValueSource(strings = {"badge", "micro-credential", "certificate", "nanodegree", "degree", "other"})
  void typeFilterReturnsExactlyTheCredentialsOfThatType(String type) {
    assertFilter("type=" + type, c -> c.get("type").asText().equals(type));
  }

  @Test
  void typeFiltersTogetherCoverTheWholeCatalog() {
    int sum = 0;
    for (String type : List.of("badge", "micro-credential", "certificate", "nanodegree", "degree", "other")) {
      sum += get("/api/credentials", "/api/credentials?type=" + type).get("total").asInt();
    }
    assertEquals(credentials.size(), sum);
  }

  @Test
  void maxCostFilterKeepsOnlyCredentialsCostingAtMostThatMuch() {
    assertFilter("maxCost=100", c -> c.get("cost").asDouble() <= 100);
  }

  @Test
  void maxHoursFilterKeepsOnlyCredentialsTakingAtMostThatLong() {
    assertFilter("maxHours=25", c -> c.get("hours").asDouble() <= 25);
  }

  @Test
  void creditBearingFilterSplitsOnEcts() {
    assertFilter("creditBearing=true", c -> c.get("creditBearing").asBoolean() && c.get("ects").asDouble() > 0);
    assertFilter("creditBearing=false", c -> !c.get("creditBearing").asBoolean() && c.get("ects").asDouble() == 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"online", "blended", "in-person"})
  void modeFilterKeepsOnlyThatDeliveryMode(String mode) {
    assertFilter("mode=" + mode, c -> c.get("mode").asText().equals(mode));
  }

  @Test
  void eqfLevelFilterKeepsOnlyThatLevel() {
    assertFilter("eqfLevel=6", c -> c.get("eqfLevel").isInt() && c.get("eqfLevel").asInt() == 6);
  }

  @Test
  void issuerFilterKeepsOnlyThatIssuer() {
    String issuer = credentials.getFirst().get("issuer").get("id").asText();
    assertFilter("issuer=" + enc(issuer), c -> c.get("issuer").get("id").asText().equals(issuer));
  }

  @Test
  void nameFilterMatchesCaseInsensitively() {
    assertFilter("q=DATA", c -> c.get("name").asText().toLowerCase(Locale.ROOT).contains("data"));
  }

  @Test
  void teachesFilterReturnsTheCredentialsThatTeachTheCompetency() {
    JsonNode page = get("/api/credentials", "/api/credentials?teaches=" + pythonId + "&limit=100");
    assertTrue(page.get("total").asInt() > 0);
    for (JsonNode c : page.get("items")) {
      JsonNode detail = get("/api/credentials/{id}", "/api/credentials/" + c.get("id").asText());
      assertTrue(ids(list(detail.get("teaches"))).contains(pythonId), c.get("id") + " teaches Python");
    }
    JsonNode competency = get("/api/competencies/{id}", "/api/competencies/" + pythonId);
    assertEquals(new TreeSet<>(ids(list(competency.get("taughtBy")))), new TreeSet<>(ids(list(page.get("items")))));
  }

  @Test
  void combinedFiltersAllApply() {
    assertFilter("type=micro-credential&creditBearing=true&maxCost=500&mode=blended",
        c -> c.get("type").asText().equals("micro-credential") && c.get("ects").asDouble() > 0
            && c.get("cost").asDouble() <= 500 && c.get("mode").asText().equals("blended"));
  }

  @Test
  void filteredListPagesConsistentlyWithTotal() {
    JsonNode all = get("/api/credentials", "/api/credentials?type=badge&limit=100");
    JsonNode page = get("/api/credentials", "/api/credentials?type=badge&limit=5&offset=10");
    assertEquals(all.get("total"), page.get("total"));
    assertEquals(ids(list(all.get("items"))).subList(10, 15), ids(list(page.get("items"))));
  }

  /** The filtered list holds exactly the catalog's credentials that satisfy {@code expected}, in catalog order. */
  private static void assertFilter(String query, Predicate<JsonNode> expected) {
    List<JsonNode> filtered = all("/api/credentials", "/api/credentials?" + query);
    for (JsonNode c : filtered) {
      assertTrue(expected.test(c), query + " let through " + c);
    }
    List<String> want = ids(credentials.stream().filter(expected).toList());
    assertEquals(want, ids(filtered), query + " must return every matching credential, in catalog order");
  }

  @Test
  void certificateDetailListsTheBadgesStackingIntoItAndTheDegreeItStacksInto() {
    Map<String, String> typeOf = new LinkedHashMap<>();
    credentials.forEach(c -> typeOf.put(c.get("id").asText(), c.get("type").asText()));
    boolean badgesIntoCertificateIntoDegree = false;
    for (JsonNode summary : list(get("/api/credentials", "/api/credentials?type=certificate&limit=100").get("items"))) {
      String id = summary.get("id").asText();
      JsonNode detail = get("/api/credentials/{id}", "/api/credentials/" + id);
      assertEquals("certificate", detail.get("type").asText());
      boolean badgeBelow = false;
      for (JsonNode part : detail.get("stackedFrom")) {
        String partId = part.get("credential").get("id").asText();
        badgeBelow |= typeOf.get(partId).equals("badge") && part.get("direct").asBoolean();
        JsonNode partDetail = get("/api/credentials/{id}", "/api/credentials/" + partId);
        JsonNode up = list(partDetail.get("stacksInto")).stream()
            .filter(s -> s.get("credential").get("id").asText().equals(id)).findFirst().orElse(null);
        assertTrue(up != null, partId + " is in the stackedFrom of " + id + " but does not list it in stacksInto");
        assertEquals(part.get("direct"), up.get("direct"), partId + " -> " + id);
        assertEquals(part.get("transferCredits"), up.get("transferCredits"), partId + " -> " + id);
      }
      boolean degreeAbove = list(detail.get("stacksInto")).stream()
          .anyMatch(s -> typeOf.get(s.get("credential").get("id").asText()).equals("degree"));
      badgesIntoCertificateIntoDegree |= badgeBelow && degreeAbove;
    }
    assertTrue(badgesIntoCertificateIntoDegree,
        "the sample has a certificate built from badges that stacks into a degree; its detail must show both");
  }

  @Test
  void prerequisitesAndUnlocksAreEachOthersInverse() {
    int checked = 0;
    for (JsonNode c : credentials) {
      String id = c.get("id").asText();
      JsonNode detail = get("/api/credentials/{id}", "/api/credentials/" + id);
      for (JsonNode pre : detail.get("prerequisites").get("credentials")) {
        JsonNode preDetail = get("/api/credentials/{id}", "/api/credentials/" + pre.get("id").asText());
        assertTrue(ids(list(preDetail.get("unlocks"))).contains(id), pre.get("id") + " must unlock " + id);
        checked++;
      }
      for (JsonNode unlocked : detail.get("unlocks")) {
        JsonNode after = get("/api/credentials/{id}", "/api/credentials/" + unlocked.get("id").asText());
        assertTrue(ids(list(after.get("prerequisites").get("credentials"))).contains(id),
            unlocked.get("id") + " must require " + id);
      }
    }
    assertTrue(checked > 0, "the sample has prerequisites");
  }

  @Test
  void credentialDetailRepeatsItsSummary() {
    for (JsonNode summary : credentials.subList(0, 10)) {
      JsonNode detail = get("/api/credentials/{id}", "/api/credentials/" + summary.get("id").asText());
      summary.fieldNames().forEachRemaining(f -> assertEquals(summary.get(f), detail.get(f), f + " of " + summary));
    }
  }

  // ---------- occupations ----------

  @Test
  void occupationSearchFindsEveryLabelHoldingTheWordAndRanksThem() {
    List<JsonNode> everything = all("/api/occupations", "/api/occupations?");
    List<JsonNode> data = list(get("/api/occupations", "/api/occupations?q=Data&limit=100").get("items"));
    List<String> want = ids(everything.stream()
        .filter(o -> o.get("label").asText().toLowerCase(Locale.ROOT).contains("data")).toList());
    assertFalse(want.isEmpty());
    assertTrue(ids(data).containsAll(want), "missing: " + want + " in " + ids(data));
    for (JsonNode hit : data) {
      assertTrue(hit.get("matchedLabel").asText().toLowerCase(Locale.ROOT).contains("data"), hit.toString());
    }
  }

  @Test
  void occupationSearchToleratesAbbreviationsWordOrderAndPlurals() {
    JsonNode scientists = get("/api/occupations", "/api/occupations?q=scientists%20data").get("items").get(0);
    assertEquals("data scientist", scientists.get("label").asText());
    JsonNode typed = get("/api/occupations", "/api/occupations?q=data%20sci&suggest=true").get("items").get(0);
    assertEquals("data scientist", typed.get("label").asText());
    JsonNode dev = get("/api/occupations", "/api/occupations?q=web%20dev").get("items").get(0);
    assertEquals("web developer", dev.get("label").asText());
    List<JsonNode> ict = list(get("/api/occupations", "/api/occupations?iscoGroup=25&limit=100").get("items"));
    assertFalse(ict.isEmpty());
    ict.forEach(o -> assertTrue(o.get("iscoGroup").asText().startsWith("25"), o.toString()));
  }

  @Test
  void occupationDetailListsAsManySkillsAsItsSummaryCounts() {
    for (JsonNode summary : all("/api/occupations", "/api/occupations?")) {
      JsonNode detail = get("/api/occupations/{id}", "/api/occupations/" + summary.get("id").asText());
      assertEquals(summary.get("label"), detail.get("label"));
      assertEquals(summary.get("iscoGroup"), detail.get("iscoGroup"));
      assertEquals(summary.get("essentialSkills").asInt(), detail.get("essentialSkills").size());
      assertEquals(summary.get("optionalSkills").asInt(), detail.get("optionalSkills").size());
      assertTrue(detail.get("essentialSkills").size() > 0, "every sample occupation has essential skills");
    }
  }

  @Test
  void anEssentialSkillSaysWhichOccupationsNeedIt() {
    JsonNode detail = get("/api/occupations/{id}", "/api/occupations/" + occupationId);
    String skill = detail.get("essentialSkills").get(0).get("id").asText();
    JsonNode competency = get("/api/competencies/{id}", "/api/competencies/" + skill);
    assertTrue(ids(list(competency.get("essentialFor"))).contains(occupationId));
  }

  // ---------- pathways ----------

  @Test
  void pathwayDetailHasTheDestinationsItsSummaryNames() {
    for (JsonNode summary : all("/api/pathways", "/api/pathways?")) {
      JsonNode detail = get("/api/pathways/{id}", "/api/pathways/" + summary.get("id").asText());
      List<String> destinationIds = new ArrayList<>();
      summary.get("destinations").forEach(d -> destinationIds.add(d.asText()));
      assertEquals(destinationIds, texts(detail.get("destinations"), "id"));
      assertEquals(summary.get("goalOccupation"), detail.get("goalOccupation"));
      if (!detail.get("goalOccupation").isNull()) {
        get("/api/occupations/{id}", "/api/occupations/" + detail.get("goalOccupation").get("id").asText());
      }
    }
  }

  @Test
  void requirementTreesAreWellFormedAndTheirTargetsExist() {
    for (JsonNode summary : all("/api/pathways", "/api/pathways?")) {
      JsonNode detail = get("/api/pathways/{id}", "/api/pathways/" + summary.get("id").asText());
      for (JsonNode destination : detail.get("destinations")) {
        checkRequirement(destination.get("requirement"));
      }
    }
  }

  private static void checkRequirement(JsonNode node) {
    String kind = node.get("kind").asText();
    String where = node.get("id").asText() + " (" + kind + ")";
    switch (kind) {
      case "credential", "competency" -> {
        assertTrue(node.get("children").isEmpty(), where + " is a leaf");
        String target = node.get("target").get("id").asText();
        get(kind.equals("credential") ? "/api/credentials/{id}" : "/api/competencies/{id}",
            (kind.equals("credential") ? "/api/credentials/" : "/api/competencies/") + target);
      }
      case "all-of", "at-least", "minimum-credits" -> {
        assertTrue(node.get("target").isNull(), where + " has no target");
        assertFalse(node.get("children").isEmpty(), where + " has children");
        assertEquals(kind.equals("at-least"), node.get("requiredNumber").isInt(), where + " requiredNumber");
        assertEquals(kind.equals("minimum-credits"), node.get("minimumCredits").isNumber(), where + " minimumCredits");
        if (kind.equals("at-least")) {
          assertTrue(node.get("requiredNumber").asInt() <= node.get("children").size(), where);
        }
        node.get("children").forEach(ApiContractTest::checkRequirement);
      }
      default -> throw new AssertionError("unknown kind " + where);
    }
  }

  // ---------- advice ----------

  @Test
  void recommendationForASampleLearnerMatchesTheContract() {
    JsonNode body = post("/api/recommendations",
        TestServer.read(TestServer.sampleDir("learners").resolve("amira-retail-to-data.json")));
    assertEquals("occupation", body.get("goal").get("type").asText());
    assertEquals(5, body.get("items").size());
    assertEquals(get("/health", "/health").get("catalogVersion"), body.get("catalogVersion"));
  }

  @Test
  void competenciesGoalHasNoGoalId() {
    JsonNode body = post("/api/recommendations",
        "{\"goal\": {\"type\": \"competencies\", \"ids\": [\"" + pythonId + "\"]}, \"k\": 2}");
    assertEquals("competencies", body.get("goal").get("type").asText());
    assertTrue(body.get("goal").get("id").isNull());
    assertEquals(1, body.get("goal").get("unmetTargets").asInt());
    assertFalse(body.get("items").isEmpty(), "the sample teaches Python");
    for (JsonNode item : body.get("items")) {
      // the compact form (the default) names what it covers by id
      assertEquals(List.of(pythonId), list(item.get("explanation").get("covers")).stream()
          .map(JsonNode::asText).toList(), "covers only the requested competency");
    }
  }

  @Test
  void reachedGoalGivesAnEmptyListWithAReason() {
    JsonNode competency = get("/api/competencies/{id}", "/api/competencies/" + pythonId);
    String teacher = competency.get("taughtBy").get(0).get("id").asText();
    JsonNode body = post("/api/recommendations", "{\"learner\": {\"credentials\": [\"" + teacher + "\"]}, "
        + "\"goal\": {\"type\": \"competencies\", \"ids\": [\"" + pythonId + "\"]}}");
    assertEquals(0, body.get("items").size());
    assertTrue(body.get("reason").isTextual() && !body.get("reason").asText().isBlank(), "a reason: " + body);
    assertEquals(1, body.get("goal").get("metTargets").asInt());
  }

  @Test
  void auditForASampleLearnerMatchesTheContract() {
    JsonNode body = post("/api/audits",
        TestServer.read(TestServer.sampleDir("audits").resolve("amira-retail-to-data.json")));
    assertEquals("data-analytics", body.get("audit").get("pathway").get("id").asText());
    assertEquals(1, body.get("whatIf").size());
  }

  @Test
  void theAuditIsABestFitAndSaysWhatItAssignedDifferently() {
    JsonNode body = post("/api/audits", "{\"learner\": {\"credentials\": [\"nb-mc-data-mining\", "
        + "\"nb-mc-big-data-platforms\"]}, \"pathway\": \"data-analytics\"}");
    JsonNode audit = body.get("audit");
    assertEquals("partial", audit.get("status").asText());
    assertEquals("da-bsc-dest", audit.get("statusDestination").get("id").asText(), "the degree, not the exit award");
    assertEquals("Partial for BSc Data Science; Certificate in Data Analytics (an exit award): partial.",
        audit.get("statusNote").asText());
    JsonNode bsc = null;
    for (JsonNode destination : audit.get("destinations")) {
      bsc = destination.get("id").asText().equals("da-bsc-dest") ? destination : bsc;
    }
    assertTrue(bsc != null, "the BSc destination: " + audit);
    assertEquals("best-fit", bsc.get("fit").get("method").asText());
    assertTrue(bsc.get("fit").get("optimal").asBoolean());
    List<String> changed = new ArrayList<>();
    for (JsonNode r : bsc.get("fit").get("reassignments")) {
      changed.add(r.get("requirementId").asText() + ":" + r.get("greedy").asText() + "->" + r.get("bestFit").asText());
    }
    assertEquals(List.of("da-bsc-foundation:partial->missing", "da-bsc-advanced:partial->satisfied"), changed);
    JsonNode advanced = bsc.get("fit").get("reassignments").get(1);
    assertEquals(List.of("nb-mc-data-mining"), texts(advanced.get("credentials"), "id"));
    assertTrue(advanced.get("text").asText().contains("by assigning Data Mining to it"), advanced.toString());
    JsonNode advancedNode = bsc.get("requirements").get("children").get(1);
    assertEquals("da-bsc-advanced", advancedNode.get("id").asText());
    assertEquals("satisfied", advancedNode.get("status").asText());
  }

  @Test
  void anExitAwardMetAloneIsNamedInThePathwayStatus() {
    JsonNode body = post("/api/audits", "{\"learner\": {\"credentials\": [\"nb-mc-data-wrangling\", "
        + "\"nb-mc-applied-statistics\", \"nb-mc-databases-and-sql\", \"nb-mc-business-intelligence\", "
        + "\"nb-mc-data-governance\", \"nb-mc-linked-data\"]}, \"pathway\": \"data-analytics\"}");
    JsonNode audit = body.get("audit");
    assertEquals("satisfied", audit.get("status").asText());
    assertEquals("da-cert-dest", audit.get("statusDestination").get("id").asText());
    assertEquals("Satisfied for Certificate in Data Analytics (an exit award); BSc Data Science: partial.",
        audit.get("statusNote").asText());
  }

  @Test
  void holdingTheAwardedCredentialSatisfiesTheDestination() {
    JsonNode pathway = get("/api/pathways/{id}", "/api/pathways/" + pathwayId);
    JsonNode destination = pathway.get("destinations").get(0);
    String award = destination.get("credential").get("id").asText();
    JsonNode body = post("/api/audits",
        "{\"learner\": {\"credentials\": [\"" + award + "\"]}, \"pathway\": \"" + pathwayId + "\"}");
    JsonNode audited = body.get("audit").get("destinations").get(0);
    assertEquals(destination.get("id"), audited.get("id"));
    assertTrue(audited.get("alreadyHeld").asBoolean());
    assertEquals("satisfied", audited.get("status").asText());
    assertEquals("satisfied", body.get("audit").get("status").asText());
    assertNotEquals(0, body.get("catalogVersion").asLong());
  }
}
