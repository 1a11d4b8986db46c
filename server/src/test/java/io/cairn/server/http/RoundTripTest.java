package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.Standards;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.SampleData;
import io.cairn.interop.ImportReport;
import io.cairn.interop.ImportSource;
import io.cairn.interop.StandardFormat;
import io.cairn.interop.StandardsProgress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample catalog exported in each standard and imported into a store that holds only the sample's ESCO part
 * (its competencies and occupations) answers the API as the sample does: the same credentials, alignments,
 * stacks and requirement trees, and the same recommendations and audits for every sample learner. Compared by
 * the API's answers, not by Cairn's own serialisation. ELM and Open Badges have no pathways, so the pathways
 * travel as CTDL beside them. What a standard cannot carry is named, and only that is set aside: a field of the
 * answers, and the audits of a pathway whose conditions let holdings count twice (no standard here has a term for
 * it, so the imported pathway counts each holding once and its audit differs, as it should).
 *
 * <p>The original server and the exports are made once for all three standards; each standard's import is one
 * store that every comparison of that standard reads.
 */
class RoundTripTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
  private static final Standards STANDARDS = Standards.fromSettings();
  private static TestServer original;
  private static ImportSource ctdlPathways;
  private static java.util.Set<String> doubleCountingPathways;

  @BeforeAll
  static void start() {
    original = TestServer.start();
    ctdlPathways = ImportSource.of("pathways.ctdl.jsonld", STANDARDS.exportCatalog(original.cairn().catalog(),
        StandardFormat.CTDL, CLOCK.instant()).get("pathways.ctdl.jsonld").toString().getBytes(StandardCharsets.UTF_8));
    doubleCountingPathways = new java.util.TreeSet<>();
    for (JsonNode p : TestServer.okJson(original.get("/api/pathways?limit=50")).get("items")) {
      if (TestServer.okJson(original.get("/api/pathways/" + p.get("id").asText())).findValues("allowsDoubleCounting")
          .stream().anyMatch(JsonNode::asBoolean)) {
        doubleCountingPathways.add(p.get("id").asText());
      }
    }
  }

  @AfterAll
  static void stop() {
    original.close();
  }

  /** Each standard, and what it cannot carry (in the API's terms), which the comparison sets aside. */
  static Stream<Arguments> standards() {
    return Stream.of(
        // CTDL has no nanodegree class (it is a certificate) and no term for letting holdings count twice
        Arguments.of(StandardFormat.CTDL, List.of("nanodegree", "doubleCounting")),
        Arguments.of(StandardFormat.ELM, List.of("doubleCounting")),
        Arguments.of(StandardFormat.OB3, List.of("doubleCounting")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("standards")
  void theSampleComesBackTheSame(StandardFormat format, List<String> losses) {
    Map<String, JsonNode> credentials = STANDARDS.exportCatalog(original.cairn().catalog(), format, CLOCK.instant());
    LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources().subList(0, 2));
    List<ImportSource> documents = new ArrayList<>();
    credentials.forEach((name, doc) -> {
      if (!name.startsWith("pathways")) {
        documents.add(ImportSource.of(name, doc.toString().getBytes(StandardCharsets.UTF_8)));
      }
    });
    ImportReport imported = STANDARDS.importDocuments(catalog, format, documents, CLOCK, StandardsProgress.silent());
    assertEquals(List.of(), imported.refused(), format + " refused");
    ImportReport pathways = STANDARDS.importDocuments(catalog, StandardFormat.CTDL, List.of(ctdlPathways), CLOCK,
        StandardsProgress.silent());
    assertEquals(List.of(), pathways.refused(), "pathways refused");
    try (TestServer back = TestServer.over(catalog)) {
      JsonNode listed = TestServer.okJson(original.get("/api/credentials?limit=100")).get("items");
      assertEquals(ids(listed), ids(TestServer.okJson(back.get("/api/credentials?limit=100")).get("items")));
      for (JsonNode c : listed) {
        String path = "/api/credentials/" + c.get("id").asText();
        assertSame(losses, path, TestServer.okJson(original.get(path)), TestServer.okJson(back.get(path)));
      }
      for (JsonNode p : TestServer.okJson(original.get("/api/pathways?limit=50")).get("items")) {
        String path = "/api/pathways/" + p.get("id").asText();
        assertSame(losses, path, TestServer.okJson(original.get(path)), TestServer.okJson(back.get(path)));
      }
      for (Path learner : TestServer.sampleFiles("learners")) {
        String body = TestServer.read(learner);
        // the full form, labels and all: what a round trip could lose
        String full = "/api/recommendations?explain=full";
        assertSame(losses, learner.getFileName().toString(), TestServer.okJson(original.postJson(full, body)),
            TestServer.okJson(back.postJson(full, body)));
      }
      int audited = 0;
      for (Path audit : TestServer.sampleFiles("audits")) {
        String body = TestServer.read(audit);
        JsonNode expected = TestServer.okJson(original.postJson("/api/audits", body));
        if (losses.contains("doubleCounting")
            && doubleCountingPathways.contains(expected.path("audit").path("pathway").path("id").asText())) {
          continue;
        }
        assertSame(losses, audit.getFileName().toString(), expected,
            TestServer.okJson(back.postJson("/api/audits", body)));
        audited++;
      }
      assertTrue(audited >= 4 && !doubleCountingPathways.isEmpty(), audited + " audits compared; pathways that"
          + " count holdings twice: " + doubleCountingPathways);
    }
  }

  private static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  private static void assertSame(List<String> losses, String what, JsonNode expected, JsonNode actual) {
    assertEquals(normalise(expected.deepCopy(), losses).toPrettyString(), normalise(actual.deepCopy(), losses)
        .toPrettyString(), what);
  }

  /** Sets aside what the standard cannot carry, and the catalog version (another store, another version). */
  private static JsonNode normalise(JsonNode node, List<String> losses) {
    if (node instanceof ObjectNode o) {
      o.remove("catalogVersion");
      if (losses.contains("nanodegree") && o.path("type").asText().equals("nanodegree")) {
        o.put("type", "certificate");
      }
      if (losses.contains("doubleCounting")) {
        o.remove("allowsDoubleCounting");
      }
      o.properties().forEach(e -> normalise(e.getValue(), losses));
    } else if (node instanceof ArrayNode a) {
      a.forEach(n -> normalise(n, losses));
    }
    return node;
  }
}
