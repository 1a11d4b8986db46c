package io.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.RdfSource;
import io.cairn.graph.RemoteStore;
import io.cairn.graph.StoreConflictException;
import io.cairn.server.store.SharedStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster on loopback: the shared store (Fuseki over TDB2, in this JVM but reached over HTTP like any client) and
 * two replicas, each with its own mirror of the store and its own HTTP server. An import through one replica is
 * served by the other; a refused import changes nothing in the store; with the store stopped both replicas keep
 * answering from their last snapshot, say they are degraded and refuse writes with 503; with the store back they
 * recover by themselves and accept writes again. Of two writers checked against the same version, one commits and the
 * other changes nothing until it is checked again.
 */
class ClusterTest {
  private static final String TOKEN = "cluster-test-admin-token-0123";
  private static final String CTDL_JSONLD = "application/ld+json; profile=\"https://purl.org/ctdl/terms/\"";
  /** A bound to catch a hang, not a speed claim: the replicas check the store every 200 ms. */
  private static final Duration HANG = Duration.ofSeconds(60);
  private static final OpenApiContract contract = OpenApiContract.load();

  @TempDir
  Path dir;

  @Test
  void replicasFollowTheSharedStoreAndRideOutItsOutage() throws Exception {
    Path data = dir.resolve("store");
    SharedStore store = SharedStore.start(data, 0);
    int port = store.port();
    RemoteStore remote = new RemoteStore(store.url());
    LiveCatalog catalogA = new LiveCatalog(GraphStore.mirrorOf(remote));
    assertTrue(catalogA.loadSampleIfEmpty(), "a new store starts empty and takes the sample through a replica");
    LiveCatalog catalogB = new LiveCatalog(GraphStore.mirrorOf(remote));
    catalogA.watch(Duration.ofMillis(200));
    catalogB.watch(Duration.ofMillis(200));
    try (TestServer a = TestServer.over(catalogA, TOKEN); TestServer b = TestServer.over(catalogB, TOKEN)) {
      long start = remote.version().number();
      assertEquals(start, health(b).get("catalogVersion").asLong());
      assertEquals("fuseki", health(a).get("store").asText());

      // an import through A: B serves it once it has seen the new version
      HttpResponse<String> imported = importBadge(a, "cluster-badge", "");
      assertEquals(200, imported.statusCode(), imported::body);
      long written = remote.version().number();
      assertEquals(start + 1, written);
      long seenAfter = waitFor(b, h -> h.get("catalogVersion").asLong() == written, "B serves version " + written);
      System.out.printf("replica B served the import %d ms after A accepted it%n", seenAfter);
      assertEquals("Badge cluster-badge", TestServer.okJson(b.get("/api/credentials/cluster-badge")).get("name")
          .asText());

      // a refused import changes nothing in the store, and nothing on either replica
      HttpResponse<String> refused = importBadge(b, "bad-badge", ", \"ceterms:estimatedCost\": [{\"@type\":"
          + " \"ceterms:CostProfile\", \"ceterms:price\": -5, \"ceterms:currency\": \"EUR\"}]");
      assertEquals(200, refused.statusCode(), refused::body);
      assertEquals(1, TestServer.json(refused.body()).get("refused").size(), refused::body);
      assertEquals(written, remote.version().number());
      assertEquals(404, a.get("/api/credentials/bad-badge").statusCode());

      // the store goes away: both replicas still recommend, say they are degraded, and refuse writes with 503
      store.close();
      for (TestServer replica : new TestServer[] {a, b}) {
        waitFor(replica, h -> h.get("status").asText().equals("degraded"), "a replica reports degraded");
        JsonNode health = health(replica);
        assertFalse(health.get("sharedStore").get("reachable").asBoolean());
        assertTrue(health.get("sharedStore").get("reason").asText().contains(store.url()), health::toString);
        assertTrue(health.get("sharedStore").has("since"), health::toString);
        assertEquals(written, health.get("catalogVersion").asLong());
        HttpResponse<String> recommended = replica.postJson("/api/recommendations",
            TestServer.read(TestServer.sampleDir("learners").resolve("amira-retail-to-data.json")));
        assertEquals(200, recommended.statusCode(), recommended::body);
        assertTrue(TestServer.json(recommended.body()).get("items").size() > 0, recommended::body);
      }
      HttpResponse<String> offline = importBadge(a, "offline-badge", "");
      assertEquals(503, offline.statusCode(), offline::body);
      assertEquals("application/problem+json", TestServer.mediaType(offline));
      contract.assertMatchesComponent("Problem", offline.body());
      assertTrue(offline.body().contains("Nothing was written"), offline::body);

      // the store comes back on its port: the replicas recover by themselves and take writes again
      store = SharedStore.start(data, port);
      for (TestServer replica : new TestServer[] {a, b}) {
        waitFor(replica, h -> h.get("status").asText().equals("ok"), "a replica recovers");
      }
      assertEquals(written, remote.version().number(), "the restarted store kept what was written");
      HttpResponse<String> back = importBadge(b, "after-outage", "");
      assertEquals(200, back.statusCode(), back::body);
      long last = remote.version().number();
      waitFor(a, h -> h.get("catalogVersion").asLong() == last, "A serves the write made through B");
      assertEquals(200, a.get("/api/credentials/after-outage").statusCode());

      // two writers checked against the same version: one commits; the other changes nothing and, through the
      // catalog, is checked again against the new contents and committed after it
      GraphStore first = GraphStore.mirrorOf(remote);
      GraphStore second = GraphStore.mirrorOf(remote);
      first.load(List.of(concept("race-1")));
      assertThrows(StoreConflictException.class, () -> second.load(List.of(concept("race-2"))));
      assertEquals(last + 1, remote.version().number(), "the losing write changed nothing in the store");
      assertEquals(last, second.version(), "nor in its own mirror");
      try (LiveCatalog retrying = new LiveCatalog(second)) {
        assertEquals(last + 2, retrying.load(List.of(concept("race-2"))).storeVersion());
      }
      GraphStore after = GraphStore.mirrorOf(remote);
      assertTrue(after.sources().containsAll(List.of(concept("race-1").graphName(), concept("race-2").graphName())),
          after.sources()::toString);
      first.close();
      after.close();
    } finally {
      store.close();
    }
  }

  private static RdfSource concept(String slug) {
    return RdfSource.fromText(slug, """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <https://example.org/skill/%s> a skos:Concept ; skos:prefLabel "Skill %s"@en .
        """.formatted(slug, slug), Lang.TURTLE);
  }

  private static HttpResponse<String> importBadge(TestServer replica, String slug, String extra) {
    byte[] doc = ImportApiTest.badge(slug, extra);
    return replica.post("/api/imports?format=ctdl&name=" + slug, doc, "Content-Type", CTDL_JSONLD,
        "Authorization", "Bearer " + TOKEN);
  }

  private static JsonNode health(TestServer replica) {
    HttpResponse<String> r = replica.get("/health");
    contract.assertResponseMatches("/health", "get", r);
    return TestServer.okJson(r);
  }

  /** Polls the replica's health until {@code condition} holds; returns how long that took, in milliseconds. */
  private static long waitFor(TestServer replica, Predicate<JsonNode> condition, String what)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + HANG.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.test(health(replica))) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(50);
    }
    fail("waited " + HANG.toSeconds() + " s (a hang) for: " + what + "; last health " + health(replica));
    return -1;
  }
}
