package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/postings/skills} over HTTP on the sample: skills with evidence spans that point into the text
 * sent, skill phrases, and problem+json for empty, oversized and malformed postings.
 */
class PostingSkillsApiTest {
  @RegisterExtension
  static final TestServer server = TestServer.start();

  static final String TEXT = "You will build REST APIs in Python, write unit tests and review code. "
      + "Good knowledge of SQL and experience with data analysis.";

  @Test
  void aPostingGivesItsOccupationAndSkillsWithEvidence() throws Exception {
    String body = TestServer.JSON.writeValueAsString(java.util.Map.of("title",
        "Senior Software Developer (m/f/d) - Remote", "text", TEXT));
    JsonNode answer = TestServer.okJson(server.postJson("/api/postings/skills", body));
    assertEquals("software developer", answer.get("occupation").get("label").asText());
    List<String> labels = new ArrayList<>();
    for (JsonNode skill : answer.get("skills")) {
      labels.add(skill.get("label").asText());
      for (JsonNode e : skill.get("evidence")) {
        String field = e.get("field").asText();
        String value = field.equals("title") ? "Senior Software Developer (m/f/d) - Remote" : TEXT;
        assertEquals(e.get("text").asText(), value.substring(e.get("start").asInt(), e.get("end").asInt()));
      }
    }
    System.out.println("POST /api/postings/skills -> " + labels);
    assertTrue(labels.contains("Python (computer programming)"), labels.toString());
    assertTrue(labels.contains("SQL"), labels.toString());
    assertEquals(answer.get("skills").size(), answer.get("count").asInt());
  }

  @Test
  void skillPhrasesAreReadOneByOne() {
    JsonNode answer = TestServer.okJson(server.postJson("/api/postings/skills",
        "{\"skills\": [\"Python\", \"SQL\"]}"));
    assertTrue(answer.get("occupation").isNull());
    List<String> fields = new ArrayList<>();
    answer.get("skills").forEach(s -> s.get("evidence").forEach(e -> fields.add(e.get("field").asText())));
    assertTrue(fields.containsAll(List.of("skills[0]", "skills[1]")), fields.toString());
  }

  @Test
  void badPostingsGetProblemsThatSayWhatToFix() {
    problem(server.postJson("/api/postings/skills", "{\"title\": \" \", \"text\": \"\"}"), 400, "empty");
    problem(server.postJson("/api/postings/skills", "{\"title\": \"Nurse\", \"text\": \"" + "x".repeat(20_001)
        + "\"}"), 400, "at most 20000");
    problem(server.postJson("/api/postings/skills", "{\"skills\": \"Python\"}"), 400, "skills");
    problem(server.postJson("/api/postings/skills", "{\"salary\": 5}"), 400, "unknown field");
  }

  static void problem(HttpResponse<String> response, int status, String words) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertTrue(response.body().contains(words), response.body());
  }
}
