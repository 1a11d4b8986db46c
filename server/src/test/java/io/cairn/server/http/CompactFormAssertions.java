package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the compact form of {@code POST /api/recommendations} must be, against the full form of the same answer:
 * the same list, each explanation the full one's facts with every reference by id alone.
 */
final class CompactFormAssertions {
  static final String RECOMMEND = "/api/recommendations";
  static final String FULL = RECOMMEND + "?explain=full";
  static final String COMPACT = RECOMMEND + "?explain=compact";
  /** The lists of references the full form gives as {@code Ref}s and the compact one as ids. */
  private static final List<String> REFERENCE_LISTS = List.of("stacksInto", "unlocks", "missingPrerequisites",
      "missingCompetencies");
  /** The facts both forms carry as they are. */
  private static final List<String> SAME_FACTS = List.of("oneStepAway", "totalCost", "totalHours", "unknown");

  private CompactFormAssertions() {}

  /** Asserts that {@code compact} is {@code full} with each explanation in the compact form, nothing else changed. */
  static void assertSameAnswer(JsonNode compact, JsonNode full) {
    assertEquals(withoutExplanations(full), withoutExplanations(compact),
        "the two forms differ only in their explanations");
    for (int i = 0; i < full.get("items").size(); i++) {
      assertShortens(compact.get("items").get(i).get("explanation"), full.get("items").get(i).get("explanation"),
          "item " + (i + 1) + " (" + full.get("items").get(i).at("/credential/id").asText() + ")");
    }
  }

  /** Asserts that one compact explanation carries the full one's facts by id, and no label or IRI. */
  static void assertShortens(JsonNode compact, JsonNode full, String where) {
    assertEquals(ids(full.get("covers"), "/competency/id"), strings(compact.get("covers")), where + " covers");
    List<String> steps = new ArrayList<>();
    full.get("advances").forEach(a -> steps.add(a.get("requirement").asText() + " / " + a.get("component").asText()));
    List<String> compactSteps = new ArrayList<>();
    compact.get("advances").forEach(a -> {
      assertEquals(Set.of("requirement", "component"), names(a), where + " a step is two ids");
      compactSteps.add(a.get("requirement").asText() + " / " + a.get("component").asText());
    });
    assertEquals(steps, compactSteps, where + " advances");
    for (String list : REFERENCE_LISTS) {
      assertEquals(ids(full.get(list), "/id"), strings(compact.get(list)), where + " " + list);
    }
    for (String fact : SAME_FACTS) {
      assertEquals(full.get(fact), compact.get(fact), where + " " + fact);
    }
    if (full.has("skills")) {
      assertEquals(ids(full.get("skills"), "/competency/id"), strings(compact.get("skills")), where + " skills");
    } else {
      assertFalse(compact.has("skills"), where + ": no counted skills, no skills");
    }
    Set<String> expected = new TreeSet<>(List.of("covers", "advances", "stacksInto", "unlocks", "oneStepAway",
        "missingPrerequisites", "missingCompetencies", "totalCost", "totalHours"));
    expected.addAll(optional(full, "skills", "unknown"));
    assertEquals(expected, new TreeSet<>(names(compact)), where + " fields");
    assertFalse(compact.toString().contains("\"label\"") || compact.toString().contains("\"iri\""),
        where + " names nothing but by id: " + compact);
  }

  private static ObjectNode withoutExplanations(JsonNode list) {
    ObjectNode copy = list.deepCopy();
    copy.get("items").forEach(item -> ((ObjectNode) item).remove("explanation"));
    return copy;
  }

  private static List<String> optional(JsonNode full, String... fields) {
    return java.util.Arrays.stream(fields).filter(full::has).toList();
  }

  private static List<String> ids(JsonNode refs, String pointer) {
    List<String> out = new ArrayList<>();
    refs.forEach(r -> out.add(r.at(pointer).asText()));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    assertTrue(array != null && array.isArray(), "not an array: " + array);
    List<String> out = new ArrayList<>();
    array.forEach(n -> {
      assertTrue(n.isTextual(), "not an id: " + n);
      out.add(n.asText());
    });
    return out;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> out = new TreeSet<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
