package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/postings/match} on the sample: credentials ranked by coverage, a covering set that covers
 * everything the catalog teaches of the posting and nothing twice, and a learner's held and missing skills.
 */
class PostingMatchApiTest {
  @RegisterExtension
  static final TestServer server = TestServer.start();
  static final String DATA_ANALYST = "d3edb8f8-3a06-47a0-8fb9-9b212c006aa2";

  static Set<String> ids(JsonNode refs) {
    Set<String> ids = new HashSet<>();
    refs.forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }

  @Test
  void anOccupationsSkillsAreCoveredByRankedCredentialsAndASmallSet() {
    JsonNode answer = TestServer.okJson(server.postJson("/api/postings/match",
        "{\"occupation\": \"" + DATA_ANALYST + "\", \"k\": 100}"));
    Set<String> skills = new HashSet<>();
    answer.get("skills").forEach(s -> skills.add(s.get("id").asText()));
    assertFalse(skills.isEmpty());
    Set<String> teachable = new HashSet<>();
    JsonNode previous = null;
    for (JsonNode c : answer.get("credentials")) {
      Set<String> covers = ids(c.get("covers"));
      assertTrue(skills.containsAll(covers), "a credential covers only the posting's skills");
      teachable.addAll(covers);
      if (previous != null) {
        assertTrue(previous.get("essential").asInt() > c.get("essential").asInt()
            || previous.get("essential").asInt() == c.get("essential").asInt()
            && previous.get("weight").asDouble() >= c.get("weight").asDouble(), "essential first, then weight");
      }
      previous = c;
    }
    Set<String> covered = new HashSet<>();
    for (JsonNode c : answer.get("coveringSet").get("credentials")) {
      Set<String> adds = ids(c.get("covers"));
      assertFalse(adds.isEmpty(), "every member of the covering set adds a skill");
      assertTrue(covered.stream().noneMatch(adds::contains), "a member only lists what it adds");
      covered.addAll(adds);
    }
    assertEquals(teachable, covered, "the set covers everything some credential teaches");
    Set<String> uncovered = ids(answer.get("coveringSet").get("uncovered"));
    Set<String> rest = new HashSet<>(skills);
    rest.removeAll(teachable);
    assertEquals(rest, uncovered, "what is left uncovered is what no credential teaches");
    assertTrue(answer.get("coveringSet").get("credentials").size() <= answer.get("credentials").size());
    assertTrue(answer.get("learner").isNull());
  }

  @Test
  void aLearnersHoldingsSplitThePostingIntoHeldAndMissing() throws Exception {
    String learner = TestServer.JSON.readTree(TestServer.read(TestServer.sampleDir("learners")
        .resolve("amira-retail-to-data.json"))).get("learner").toString();
    JsonNode answer = TestServer.okJson(server.postJson("/api/postings/match",
        "{\"occupation\": \"" + DATA_ANALYST + "\", \"learner\": " + learner + "}"));
    Set<String> held = ids(answer.get("learner").get("held"));
    Set<String> missing = ids(answer.get("learner").get("missing"));
    assertFalse(held.isEmpty(), "Amira holds some of a data analyst's skills");
    assertTrue(held.stream().noneMatch(missing::contains));
    answer.get("skills").forEach(s -> assertEquals(held.contains(s.get("id").asText()), s.get("held").asBoolean()));
    assertEquals(answer.get("skills").size(), held.size() + missing.size());
    for (JsonNode c : answer.get("coveringSet").get("credentials")) {
      assertTrue(ids(c.get("covers")).stream().noneMatch(held::contains), "the set covers only missing skills");
    }
  }

  @Test
  void aPostingIsReadFirst() {
    JsonNode answer = TestServer.okJson(server.postJson("/api/postings/match",
        "{\"posting\": {\"title\": \"Data Analyst\", \"text\": \"Analyse data with SQL and Python.\"}}"));
    assertEquals("data analyst", answer.get("occupation").get("label").asText());
    assertTrue(answer.get("skills").size() > 0);
  }

  @Test
  void badRequestsSayWhatToFix() {
    PostingSkillsApiTest.problem(server.postJson("/api/postings/match", "{}"), 400, "exactly one of");
    PostingSkillsApiTest.problem(server.postJson("/api/postings/match", "{\"occupation\": \"" + DATA_ANALYST
        + "\", \"posting\": {\"title\": \"Nurse\"}}"), 400, "exactly one of");
    PostingSkillsApiTest.problem(server.postJson("/api/postings/match", "{\"occupation\": \"no-such\"}"), 422,
        "GET /api/occupations");
    PostingSkillsApiTest.problem(server.postJson("/api/postings/match", "{\"occupation\": \"" + DATA_ANALYST
        + "\", \"k\": 0}"), 400, "'k'");
  }
}
