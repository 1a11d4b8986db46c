package io.cairn.interop.casepkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.interop.DocumentGraphs;
import io.cairn.interop.ImportReport;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardsFixture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog's competency framework as CASE, imported into an empty store, exports as the same package. */
class CaseRoundTripTest {
  @Test
  void theEscoFrameworkComesBackTheSame() {
    JsonNode exported;
    try (LiveCatalog sample = StandardsFixture.sample()) {
      exported = StandardsFixture.standards().exportCatalog(sample, StandardFormat.CASE, StandardsFixture.CLOCK.instant())
          .get("esco-skills.case.json");
    }
    try (LiveCatalog empty = new LiveCatalog(GraphStore.inMemory())) {
      ImportReport report = StandardsFixture.importText(empty, StandardFormat.CASE, "esco-skills.case.json",
          DocumentGraphs.text(exported));
      assertTrue(report.refused().isEmpty(), report.refused()::toString);
      Map<String, JsonNode> again = StandardsFixture.standards().exportCatalog(empty, StandardFormat.CASE,
          StandardsFixture.CLOCK.instant().plusSeconds(3600));
      assertEquals(1, again.size(), again.keySet()::toString);
      JsonNode back = again.values().iterator().next();
      assertEquals(exported.get("CFDocument"), back.get("CFDocument"));
      assertEquals(sorted(exported.get("CFItems")), sorted(back.get("CFItems")));
      assertEquals(sorted(exported.get("CFAssociations")), sorted(back.get("CFAssociations")));
      assertEquals(257, back.get("CFItems").size());
    }
  }

  private static List<JsonNode> sorted(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(n -> items.add(n));
    items.sort(Comparator.comparing(n -> n.get("identifier").asText()));
    return items;
  }
}
