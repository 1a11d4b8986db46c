package io.cairn.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.graph.LiveCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A workload or a price stated as 0 (a free badge, an award for prior learning with no study time) is a fact and is
 * exported as 0; one the source never stated is unknown and is left out, so that a reader of the export does not
 * take "unknown" for "free".
 */
class StatedZeroExportTest {
  private static final String FREE = "https://example.org/zero/free-instant-badge";
  private static final String UNSTATED = "https://example.org/zero/silent-badge";
  private static LiveCatalog catalog;

  @BeforeAll
  static void load() {
    catalog = StandardsFixture.sample();
    ImportReport report = StandardsFixture.importText(catalog, StandardFormat.CTDL, "zero.ttl", """
        @prefix ceterms: <https://purl.org/ctdl/terms/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://example.org/zero/issuer> a ceterms:CredentialOrganization ; ceterms:name "Zero College"@en .
        <%s> a ceterms:Badge ; ceterms:name "Free Instant Badge"@en ;
          ceterms:description "Awarded for prior learning: no study time, no fee."@en ;
          ceterms:ownedBy <https://example.org/zero/issuer> ;
          ceterms:estimatedDuration [ a ceterms:DurationProfile ; ceterms:exactDuration "PT0H"^^xsd:duration ] ;
          ceterms:estimatedCost [ a ceterms:CostProfile ; ceterms:price 0 ; ceterms:currency "EUR" ] .
        <%s> a ceterms:Badge ; ceterms:name "Silent Badge"@en ;
          ceterms:description "Its source says nothing of workload or price."@en ;
          ceterms:ownedBy <https://example.org/zero/issuer> .
        """.formatted(FREE, UNSTATED));
    assertTrue(report.refused().isEmpty(), () -> "refused: " + report.refused());
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  @ParameterizedTest
  @EnumSource(value = StandardFormat.class, names = {"CTDL", "ELM", "OB3"})
  void aStatedZeroIsExportedAndAnUnstatedValueIsLeftOut(StandardFormat format) {
    Map<String, JsonNode> files = StandardsFixture.standards().exportCatalog(catalog, format,
        StandardsFixture.CLOCK.instant());
    JsonNode free = find(files, FREE);
    JsonNode silent = find(files, UNSTATED);
    assertNotNull(free, format + " export has no node for " + FREE);
    assertNotNull(silent, format + " export has no node for " + UNSTATED);

    String workload = format == StandardFormat.CTDL ? "ceterms:estimatedDuration"
        : format == StandardFormat.ELM ? "volumeOfLearning" : "elm:volumeOfLearning";
    String cost = "ceterms:estimatedCost";
    assertTrue(free.has(workload), format + ": the stated 0-hour workload is missing: " + free);
    assertTrue(free.get(workload).toString().contains("PT0H"), format + ": " + free.get(workload));
    assertTrue(free.has(cost), format + ": the stated price of 0 is missing: " + free);
    assertEquals(0.0, priceOf(free.get(cost)), format + ": " + free.get(cost));

    assertFalse(silent.has(workload), format + ": an unstated workload was exported: " + silent.get(workload));
    assertFalse(silent.has(cost), format + ": an unstated price was exported: " + silent.get(cost));
  }

  private static double priceOf(JsonNode cost) {
    JsonNode c = cost.isArray() ? cost.get(0) : cost;
    JsonNode price = c.get("ceterms:price");
    return price.isObject() ? Double.parseDouble(price.get("@value").asText()) : price.asDouble();
  }

  /** The object in any exported document whose {@code @id} or {@code id} is {@code iri}. */
  private static JsonNode find(Map<String, JsonNode> files, String iri) {
    List<JsonNode> stack = new ArrayList<>(files.values());
    while (!stack.isEmpty()) {
      JsonNode n = stack.removeLast();
      if (n.isObject() && (iri.equals(n.path("@id").asText(null)) || iri.equals(n.path("id").asText(null)))
          && n.size() > 2) {
        return n;
      }
      n.forEach(stack::add);
    }
    return null;
  }
}
