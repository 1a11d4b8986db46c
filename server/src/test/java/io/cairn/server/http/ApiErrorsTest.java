package io.cairn.server.http;

import static io.cairn.server.http.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of error answers an RFC 9457 problem ({@code application/problem+json}) with the right status and
 * a detail that says what to fix, never a stack trace; each problem matches the Problem schema and, where the
 * operation exists, the response the OpenAPI document gives for that status.
 */
class ApiErrorsTest {
  private static final String RECOMMEND = "/api/recommendations";
  private static final String AUDIT = "/api/audits";
  /** A goal that exists in the sample, for bodies that must fail on something else. */
  private static final String GOAL = "\"goal\": {\"type\": \"pathway\", \"id\": \"data-analytics\"}";

  @RegisterExtension
  static final TestServer server = TestServer.start();
  private static final OpenApiContract contract = OpenApiContract.load();

  /**
   * One bad request.
   *
   * @param template the documented path of the operation, or null when no operation matches (unknown route,
   *     wrong method)
   * @param contentType null to send no Content-Type
   * @param detailMentions text the problem's detail must contain (case-insensitive)
   */
  record Case(String method, String path, String template, String contentType, String body, int status,
      List<String> detailMentions) {}

  private static Arguments named(String name, Case c) {
    return Arguments.of(Named.of(name, c));
  }

  private static Case recommend(String body, int status, String... mentions) {
    return new Case("POST", RECOMMEND, RECOMMEND, "application/json", body, status, List.of(mentions));
  }

  private static Case audit(String body, int status, String... mentions) {
    return new Case("POST", AUDIT, AUDIT, "application/json", body, status, List.of(mentions));
  }

  private static Case get(String pathAndQuery, String template, int status, String... mentions) {
    return new Case("GET", pathAndQuery, template, null, null, status, List.of(mentions));
  }

  static Stream<Arguments> bodyErrors() {
    return Stream.of(
        named("malformed JSON is 400", recommend("{\"goal\": ", 400, "malformed JSON", "line 1")),
        named("unknown top-level field is 400 naming it", recommend("{" + GOAL + ", \"colour\": 1}", 400,
            "unknown field 'colour'", "goal", "learner")),
        named("unknown nested field is 400 naming its path", recommend(
            "{\"goal\": {\"type\": \"pathway\", \"id\": \"data-analytics\", \"foo\": 1}}", 400, "goal.foo")),
        named("wrong type is 400 naming the field and the JSON type", recommend("{" + GOAL + ", \"k\": \"five\"}",
            400, "field 'k' must be an integer, got a string")),
        named("string where an array belongs is 400", recommend(
            "{" + GOAL + ", \"learner\": {\"credentials\": \"nb-mc-data-wrangling\"}}", 400,
            "learner.credentials", "array")),
        named("fractional k is 400", recommend("{" + GOAL + ", \"k\": 2.5}", 400, "'k'")),
        named("k = 0 is 400", recommend("{" + GOAL + ", \"k\": 0}", 400, "k must be from 1 to 50", "got 0")),
        named("k = 51 is 400", recommend("{" + GOAL + ", \"k\": 51}", 400, "k must be from 1 to 50", "got 51")),
        named("missing goal without a model is 409 saying how to load one", recommend("{\"k\": 3}", 409,
            "a goal is required", "--model")),
        named("goal field only, without a model, is 409", recommend("{\"goalField\": \"251\"}", 409,
            "a goal is required", "cairn train")),
        named("goal and goal field together are 400", recommend("{" + GOAL + ", \"goalField\": \"251\"}", 400,
            "either 'goal' or 'goalField'")),
        named("next skills without a model are 409", new Case("POST", "/api/skills/next", "/api/skills/next",
            "application/json", "{\"goalField\": \"251\"}", 409, List.of("none is loaded", "--model"))),
        named("unknown goal type is 400", recommend("{\"goal\": {\"type\": \"planet\", \"id\": \"mars\"}}", 400,
            "goal.type", "planet", "occupation, pathway or competencies")),
        named("occupation goal without id is 400", recommend("{\"goal\": {\"type\": \"occupation\"}}", 400,
            "goal.id")),
        named("competencies goal without ids is 400", recommend("{\"goal\": {\"type\": \"competencies\"}}", 400,
            "goal.ids")),
        named("unknown delivery mode is 400", recommend(
            "{" + GOAL + ", \"constraints\": {\"modes\": [\"carrier-pigeon\"]}}", 400, "constraints.modes",
            "carrier-pigeon", "online, blended, in-person")),
        named("negative maxCost is 400", recommend("{" + GOAL + ", \"constraints\": {\"maxCost\": -5}}", 400,
            "constraints.maxCost")),
        named("maxEqfLevel 9 is 400", recommend("{" + GOAL + ", \"constraints\": {\"maxEqfLevel\": 9}}", 400,
            "constraints.maxEqfLevel", "1 to 8")),
        named("empty body is 400", recommend("", 400, "empty")),
        named("JSON null body is 400", recommend("null", 400, "JSON object")),
        named("JSON array body is 400", recommend("[]", 400, "object")),
        named("unknown goal occupation is 422 naming it", recommend(
            "{\"goal\": {\"type\": \"occupation\", \"id\": \"no-such-occupation\"}}", 422,
            "no-such-occupation", "GET /api/occupations")),
        named("unknown goal pathway is 422 naming it", recommend(
            "{\"goal\": {\"type\": \"pathway\", \"id\": \"no-such-pathway\"}}", 422, "no-such-pathway",
            "GET /api/pathways")),
        named("unknown held credential is 422 naming it", recommend(
            "{\"learner\": {\"credentials\": [\"no-such-credential\"]}, " + GOAL + "}", 422, "no-such-credential",
            "GET /api/credentials")),
        named("unknown held competency is 422 naming it", recommend(
            "{\"learner\": {\"competencies\": [\"no-such-skill\"]}, " + GOAL + "}", 422, "no-such-skill",
            "GET /api/competencies")),
        named("unknown goal competency is 422 naming it", recommend(
            "{\"goal\": {\"type\": \"competencies\", \"ids\": [\"no-such-skill\"]}}", 422, "no-such-skill")),
        named("audit without pathway is 400", audit("{\"whatIf\": []}", 400, "'pathway' is required")),
        named("audit of an unknown pathway is 422 naming it", audit("{\"pathway\": \"no-such-pathway\"}", 422,
            "no-such-pathway", "GET /api/pathways")),
        named("audit with an unknown what-if pathway is 422 naming it", audit(
            "{\"pathway\": \"data-analytics\", \"whatIf\": [\"no-such-pathway\"]}", 422, "no-such-pathway")),
        named("audit with more than 10 what-ifs is 400", audit("{\"pathway\": \"data-analytics\", \"whatIf\": ["
            + "\"web-development\", ".repeat(10) + "\"web-development\"]}", 400, "at most 10")),
        named("audit of an unknown held credential is 422 naming it", audit(
            "{\"learner\": {\"credentials\": [\"no-such-credential\"]}, \"pathway\": \"data-analytics\"}", 422,
            "no-such-credential")),
        named("exception on an unknown requirement is 400 listing valid ones", audit(
            "{\"pathway\": \"data-analytics\", \"exceptions\": [{\"kind\": \"waive\", \"requirement\": "
                + "\"no-such-requirement\"}]}", 400, "no-such-requirement", "data-analytics", "da-bsc-root")),
        named("exception without requirement is 400", audit(
            "{\"pathway\": \"data-analytics\", \"exceptions\": [{\"kind\": \"waive\"}]}", 400, "'requirement'")),
        named("exception of an unknown kind is 400", audit(
            "{\"pathway\": \"data-analytics\", \"exceptions\": [{\"kind\": \"forgive\", \"requirement\": "
                + "\"da-bsc-root\"}]}", 400, "forgive", "'waive' or 'substitute'")),
        named("substitute without credential is 400", audit(
            "{\"pathway\": \"security-operations\", \"exceptions\": [{\"kind\": \"substitute\", \"requirement\": "
                + "\"so-network-defence\"}]}", 400, "substitute", "'credential'")),
        named("substitute by an unknown credential is 422 naming it", audit(
            "{\"pathway\": \"security-operations\", \"exceptions\": [{\"kind\": \"substitute\", \"requirement\": "
                + "\"so-network-defence\", \"credential\": \"no-such-credential\"}]}", 422, "no-such-credential")),
        named("substitute on a condition is 400", audit(
            "{\"pathway\": \"security-operations\", \"exceptions\": [{\"kind\": \"substitute\", \"requirement\": "
                + "\"so-core\", \"credential\": \"luas-mc-network-security\"}]}", 400, "so-core",
            "only a credential component")),
        named("unknown field in an exception is 400 naming its path", audit(
            "{\"pathway\": \"data-analytics\", \"exceptions\": [{\"kind\": \"waive\", \"requirement\": "
                + "\"da-bsc-root\", \"reason\": \"x\"}]}", 400, "exceptions[0].reason")),
        named("text/plain body is 415", new Case("POST", RECOMMEND, RECOMMEND, "text/plain", "{" + GOAL + "}", 415,
            List.of("Content-Type: application/json", "text/plain"))),
        named("body without Content-Type is 415", new Case("POST", AUDIT, AUDIT, null,
            "{\"pathway\": \"data-analytics\"}", 415, List.of("Content-Type: application/json"))),
        named("body over 256 KiB is 413", recommend("{\"learner\": {\"name\": \"" + "x".repeat(300 * 1024)
            + "\"}, " + GOAL + "}", 413, "256 KiB")),
        named("audit body over 256 KiB is 413", audit("{\"learner\": {\"name\": \"" + "x".repeat(300 * 1024)
            + "\"}, \"pathway\": \"data-analytics\"}", 413, "256 KiB")));
  }

  static Stream<Arguments> pathErrors() {
    return Stream.of(
        named("the model card without a model is 404", get("/api/model", "/api/model", 404,
            "no skill-value model", "transparent scorer", "cairn serve --model")),
        named("unknown competency is 404", get("/api/competencies/no-such-skill", "/api/competencies/{id}", 404,
            "'no-such-skill'", "GET /api/competencies?q=")),
        named("broader of an unknown competency is 404", get("/api/competencies/no-such-skill/broader",
            "/api/competencies/{id}/broader", 404, "'no-such-skill'")),
        named("narrower of an unknown competency is 404", get("/api/competencies/no-such-skill/narrower",
            "/api/competencies/{id}/narrower", 404, "'no-such-skill'")),
        named("unknown credential is 404", get("/api/credentials/no-such-credential", "/api/credentials/{id}", 404,
            "'no-such-credential'", "GET /api/credentials")),
        named("unknown occupation is 404", get("/api/occupations/no-such-occupation", "/api/occupations/{id}", 404,
            "'no-such-occupation'", "GET /api/occupations")),
        named("unknown pathway is 404", get("/api/pathways/no-such-pathway", "/api/pathways/{id}", 404,
            "'no-such-pathway'", "GET /api/pathways")),
        named("unknown route is 404", get("/api/no-such-thing", null, 404, "no endpoint", "/api/no-such-thing",
            "/openapi.json")),
        named("unknown route outside /api is 404", get("/no-such-page", null, 404, "no endpoint")),
        named("DELETE on a list is 405", new Case("DELETE", "/api/credentials", null, null, null, 405,
            List.of("DELETE", "/api/credentials"))),
        named("GET on recommendations is 405", new Case("GET", RECOMMEND, null, null, null, 405,
            List.of("GET", RECOMMEND))),
        named("POST on health is 405", new Case("POST", "/health", null, "application/json", "{}", 405,
            List.of("POST", "/health"))),
        named("PUT on an audit is 405", new Case("PUT", AUDIT, null, null, null, 405, List.of("PUT", AUDIT))));
  }

  static Stream<Arguments> queryErrors() {
    return Stream.of(
        named("limit=0 is 400", get("/api/competencies?limit=0", "/api/competencies", 400, "'limit'", "1 to 100",
            "'0'")),
        named("limit=abc is 400", get("/api/credentials?limit=abc", "/api/credentials", 400, "'limit'", "'abc'")),
        named("limit=101 is 400", get("/api/occupations?limit=101", "/api/occupations", 400, "'limit'", "1 to 100")),
        named("offset=-1 is 400", get("/api/pathways?offset=-1", "/api/pathways", 400, "'offset'")),
        named("maxCost=-1 is 400", get("/api/credentials?maxCost=-1", "/api/credentials", 400, "'maxCost'",
            ">= 0")),
        named("maxCost=abc is 400", get("/api/credentials?maxCost=abc", "/api/credentials", 400, "'maxCost'")),
        named("maxHours=NaN is 400", get("/api/credentials?maxHours=NaN", "/api/credentials", 400, "'maxHours'")),
        named("eqfLevel=9 is 400", get("/api/credentials?eqfLevel=9", "/api/credentials", 400, "'eqfLevel'",
            "1 to 8")),
        named("eqfLevel=0 is 400", get("/api/credentials?eqfLevel=0", "/api/credentials", 400, "'eqfLevel'")),
        named("type=spaceship is 400", get("/api/credentials?type=spaceship", "/api/credentials", 400, "'type'",
            "spaceship", "badge, micro-credential")),
        named("mode=teleport is 400", get("/api/credentials?mode=teleport", "/api/credentials", 400, "'mode'",
            "online, blended, in-person")),
        named("creditBearing=maybe is 400", get("/api/credentials?creditBearing=maybe", "/api/credentials", 400,
            "'creditBearing'", "true or false")),
        named("unknown issuer is 400", get("/api/credentials?issuer=no-such-issuer", "/api/credentials", 400,
            "no-such-issuer", "northbridge-university")),
        named("unknown competency in teaches is 400", get("/api/credentials?teaches=no-such-skill",
            "/api/credentials", 400, "no-such-skill", "teaches")),
        named("unknown query parameter on credentials is 400", get("/api/credentials?colour=red",
            "/api/credentials", 400, "unknown query parameter 'colour'", "maxCost")),
        named("unknown query parameter on competencies is 400", get("/api/competencies?query=python",
            "/api/competencies", 400, "'query'", "this endpoint takes")),
        named("q is not a parameter of pathways", get("/api/pathways?q=data", "/api/pathways", 400, "'q'",
            "limit, offset")),
        named("explain=brief is 400 naming the forms", explain("?explain=brief", "{" + GOAL + "}", "'explain'",
            "compact, full", "'brief'")),
        named("explain is case-sensitive", explain("?explain=FULL", "{" + GOAL + "}", "'explain'",
            "compact, full")),
        named("a misspelt explain is refused, not ignored", explain("?explian=full", "{" + GOAL + "}",
            "unknown query parameter 'explian'", "explain")),
        named("a bad explain is refused before the body is read", explain("?explain=everything", "{\"goal\": ",
            "'explain'", "compact, full")));
  }

  private static Case explain(String query, String body, String... mentions) {
    return new Case("POST", RECOMMEND + query, RECOMMEND, "application/json", body, 400, List.of(mentions));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodyErrors")
  void badBodyIsAProblem(Case c) {
    assertProblem(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathErrors")
  void badPathOrMethodIsAProblem(Case c) {
    assertProblem(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queryErrors")
  void badQueryParameterIsAProblem(Case c) {
    assertProblem(c);
  }

  private static HttpResponse<String> send(Case c) {
    if (c.method().equals("GET")) {
      return server.get(c.path());
    }
    if (c.body() == null) {
      return server.method(c.method(), c.path());
    }
    if (c.contentType() == null) {
      return server.postWithoutContentType(c.path(), c.body());
    }
    return c.method().equals("POST") ? server.post(c.path(), c.contentType(), c.body())
        : server.send(c.method(), c.path(), c.contentType(), c.body());
  }

  private static JsonNode assertProblem(Case c) {
    HttpResponse<String> response = send(c);
    String body = response.body();
    assertEquals(c.status(), response.statusCode(), () -> c.method() + " " + c.path() + " answered "
        + response.statusCode() + ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
    assertEquals("application/problem+json", TestServer.mediaType(response), "Content-Type");
    assertNoStackTrace(body);
    JsonNode problem = json(body);
    contract.assertMatchesComponent("Problem", body);
    if (c.template() != null) {
      contract.assertResponseMatches(c.template(), c.method(), response);
    }
    assertEquals(c.status(), problem.get("status").asInt(), "status in the body");
    assertEquals("about:blank", problem.get("type").asText());
    assertFalse(problem.get("title").asText().isBlank(), "a title");
    assertEquals(URI.create(c.path()).getRawPath(), problem.get("instance").asText(), "instance is the path");
    String detail = problem.get("detail").asText();
    for (String mention : c.detailMentions()) {
      assertTrue(detail.toLowerCase(Locale.ROOT).contains(mention.toLowerCase(Locale.ROOT)),
          () -> "the detail should mention \"" + mention + "\" to say what to fix, but is: " + detail);
    }
    return problem;
  }

  private static void assertNoStackTrace(String body) {
    for (String trace : List.of("at io.", "Exception", "\tat ", "at java.", "at com.fasterxml")) {
      assertFalse(body.contains(trace), () -> "the problem leaks a stack trace or exception (" + trace + "): " + body);
    }
    Leaks.find(body).ifPresent(leak -> fail("the problem shows what a client must not see: " + leak));
  }

  @Test
  void jsonWithACharsetParameterIsAccepted() {
    HttpResponse<String> response = server.post(AUDIT, "application/json; charset=utf-8",
        "{\"pathway\": \"data-analytics\"}");
    assertEquals(200, response.statusCode(), response.body());
    contract.assertResponseMatches(AUDIT, "post", response);
  }

  @Test
  void methodNotAllowedSaysWhichMethodsAreAllowed() {
    // RFC 9110 section 15.5.6: a 405 response MUST carry an Allow header listing the methods the resource takes
    HttpResponse<String> response = server.method("DELETE", "/api/credentials");
    assertEquals(405, response.statusCode());
    Optional<String> allow = response.headers().firstValue("Allow");
    assertTrue(allow.isPresent(), "405 without an Allow header; headers: " + response.headers().map());
    assertTrue(allow.get().contains("GET"), "Allow: " + allow.get());
  }

  static Stream<Arguments> coercedScalars() {
    return Stream.of(
        named("string \"2\" for integer k", recommend("{" + GOAL + ", \"k\": \"2\"}", 400, "'k'")),
        named("number 1 for boolean creditBearingOnly", recommend(
            "{" + GOAL + ", \"constraints\": {\"creditBearingOnly\": 1}}", 400, "constraints.creditBearingOnly")),
        named("number for a credential id", recommend("{\"learner\": {\"credentials\": [42]}, " + GOAL + "}", 400,
            "learner.credentials")));
  }

  /**
   * JSON that Jackson refuses before it has a location to report, or that breaks its limits (issue 16, defect 2:
   * these answered 500 from a NullPointerException in JsonBodies), and duplicate fields, which it used to take.
   */
  static Stream<Arguments> hostileJson() {
    String deep = "[".repeat(70) + "]".repeat(70);
    String deepObjects = "{\"learner\": ".repeat(70) + "{}" + "}".repeat(70);
    return Stream.of(
        named("a number of 1,001 digits", recommend("{" + GOAL + ", \"k\": " + "9".repeat(1001) + "}", 400,
            "a number is longer than 1000 characters")),
        named("a fraction of 1,001 digits", recommend("{" + GOAL + ", \"constraints\": {\"maxCost\": 0."
            + "1".repeat(1001) + "}}", 400, "longer than 1000")),
        named("arrays nested 70 deep", recommend(deep, 400, "nested more than 64 levels")),
        named("objects nested 70 deep", recommend(deepObjects, 400, "nested more than 64 levels")),
        named("a key of 50,001 characters", recommend("{" + GOAL + ", \"" + "k".repeat(50_001) + "\": 1}", 400,
            "field name is too long")),
        named("a duplicate key", recommend("{" + GOAL + ", \"k\": 3, \"k\": 4}", 400,
            "field 'k' appears more than once")),
        named("a duplicate key after every field is set", recommend("{\"learner\": {\"credentials\": []}, " + GOAL
            + ", \"constraints\": {\"maxCost\": 100, \"maxCost\": 200}, \"k\": 3}", 400,
            "field 'maxCost' appears more than once")),
        named("a duplicate goal", audit("{\"pathway\": \"data-analytics\", \"pathway\": \"web-development\"}",
            400, "field 'pathway' appears more than once")),
        named("NaN as a bare token", recommend("{" + GOAL + ", \"constraints\": {\"maxCost\": NaN}}", 400,
            "'NaN' is not a JSON value")),
        named("an unterminated object", recommend("{" + GOAL, 400, "malformed JSON", "line 1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileJson")
  void hostileJsonIsA400Problem(Case c) {
    assertProblem(c);
  }

  /**
   * The document's types, strictly (issue 16, defect 7: these answered 200): a blank or control-character string
   * is not a number or a boolean, "Infinity" is not a number, no field is nullable. The detail speaks of fields
   * and JSON types, never of Java classes.
   */
  static Stream<Arguments> looseTypes() {
    return Stream.of(
        named("a blank string for integer k", recommend("{" + GOAL + ", \"k\": \" \"}", 400,
            "field 'k' must be an integer, got a string")),
        named("the string Infinity for number maxCost", recommend(
            "{" + GOAL + ", \"constraints\": {\"maxCost\": \"Infinity\"}}", 400,
            "field 'constraints.maxCost' must be a number, got a string")),
        named("a number too large for a double", recommend("{" + GOAL + ", \"constraints\": {\"maxHours\": 1e400}}",
            400, "field 'constraints.maxHours' must be a finite number")),
        named("a NUL character for boolean creditBearingOnly", recommend(
            "{" + GOAL + ", \"constraints\": {\"creditBearingOnly\": \"\\u0000\"}}", 400,
            "field 'constraints.creditBearingOnly' must be true or false, got a string")),
        named("an integer out of range", recommend("{" + GOAL + ", \"k\": 9999999999}", 400,
            "field 'k' must be an integer from", "got the integer 9999999999")),
        named("null for k", recommend("{" + GOAL + ", \"k\": null}", 400, "field 'k' must not be null",
            "leave the field out")),
        named("null in a list of ids", recommend("{\"learner\": {\"credentials\": [null]}, " + GOAL + "}", 400,
            "field 'learner.credentials[0]' must not be null")),
        named("an array for the learner", recommend("{\"learner\": [], " + GOAL + "}", 400,
            "field 'learner' must be an object, got an array")),
        named("an empty string for the learner", recommend("{\"learner\": \"\", " + GOAL + "}", 400,
            "field 'learner' must be an object, got a string")),
        named("a number for a name", recommend("{\"learner\": {\"name\": 5}, " + GOAL + "}", 400,
            "field 'learner.name' must be a string, got an integer")),
        named("an object for an exception list", audit("{\"pathway\": \"data-analytics\", \"exceptions\": {}}",
            400, "field 'exceptions' must be an array, got an object")),
        named("a string where the body's object belongs", recommend("\"x\"", 400,
            "the request body must be an object, got a string")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("looseTypes")
  void aValueOfTheWrongJsonTypeIsRefusedInTheDocumentsWords(Case c) {
    assertProblem(c);
  }

  /** The document gives these fields strict JSON types, and JsonMapping says the API is "strict on input". */
  @ParameterizedTest(name = "{0}")
  @MethodSource("coercedScalars")
  void scalarOfTheWrongJsonTypeIsRefusedNotCoerced(Case c) {
    assertProblem(c);
  }

  @Test
  void aBodyInAnotherCharsetIsRefusedWith415() {
    assertProblem(new Case("POST", AUDIT, AUDIT, "application/json; charset=utf-16", "{\"pathway\": \"data-analytics\"}",
        415, List.of("UTF-8", "utf-16")));
    assertProblem(new Case("POST", AUDIT, AUDIT, "application/json; charset=nonesuch",
        "{\"pathway\": \"data-analytics\"}", 415, List.of("UTF-8", "nonesuch")));
  }

  @Test
  void aBodyThatIsNotUtf8IsRefusedNotGuessedAt() {
    byte[] head = ("POST " + AUDIT + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Connection: close\r\nContent-Length: 25\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] body = {'{', '"', 'p', 'a', 't', 'h', 'w', 'a', 'y', '"', ':', ' ', '"', 'd', 'a', (byte) 0xC3, (byte) 0x28,
        't', 'a', (byte) 0xFF, 'x', 'y', 'z', '"', '}'};
    byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    RawHttp.Response response = RawHttp.exchange(server.port(), request, java.time.Duration.ofSeconds(30));
    SlowClientsTest.assertProblem(response, 400, "not valid UTF-8");
  }

  @Test
  void contentAfterTheJsonObjectIsReportedAsSuch() {
    HttpResponse<String> response = server.postJson(RECOMMEND, "{" + GOAL + "} {\"k\": 3}");
    assertEquals(400, response.statusCode());
    String detail = json(response.body()).get("detail").asText();
    assertFalse(detail.contains("expected an object"),
        "the body is an object followed by more content; the detail must not say an object was expected: " + detail);
    assertTrue(detail.matches("(?is).*(trailing|after|end of).*"),
        "the detail should say there is content after the JSON value: " + detail);
  }
}
