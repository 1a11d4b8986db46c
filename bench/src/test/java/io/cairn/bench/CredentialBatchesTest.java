package io.cairn.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.RdfSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator in batches, as {@code bin/bench --scale} grows its store: for seeded totals and cuts, the batches
 * hold exactly the catalog one batch holds (the same Turtle, byte for byte), ids are unique and consecutive,
 * prerequisites and stacking only point at credentials of earlier batches or earlier in the same one, and the
 * batches, loaded one after another into an in-memory TDB2 store, each pass the store's SHACL and chain checks. The
 * skills and occupations come from Cairn's embedded sample catalog (a few occupations: fast, and real shapes).
 */
class CredentialBatchesTest {
  private static final String CETERMS = "https://purl.org/ctdl/terms/";
  private static final String CAIRN = "https://w3id.org/cairn/ns#";
  private static LiveCatalog sample;

  @BeforeAll
  static void loadSample() {
    sample = new LiveCatalog(GraphStore.inMemory());
    sample.loadSampleIfEmpty();
  }

  @AfterAll
  static void close() {
    sample.close();
  }

  static LongStream seeds() {
    return new SplittableRandom(20261202L).longs(3);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void batchesAreTheOneBatchCatalogCutAnywhereAndEachLoadsAfterTheOnesBefore(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int total = 60 + rnd.nextInt(60);
    CatalogSnapshot esco = sample.snapshot();
    String whole = new CredentialGenerator(seed).generate(esco, total).turtle();

    List<CredentialGenerator.Batch> batches = cut(new CredentialGenerator(seed).batches(esco, total), total, rnd);
    String why = "seed " + seed + ", " + total + " credentials, batches ending at "
        + batches.stream().map(CredentialGenerator.Batch::last).toList();
    StringBuilder joined = new StringBuilder();
    int expectedFirst = 1;
    for (CredentialGenerator.Batch b : batches) {
      assertEquals(expectedFirst, b.first(), why);
      assertTrue(b.turtle().startsWith(CredentialGenerator.PREFIXES), why);
      joined.append(b.index() == 0 ? b.turtle() : b.turtle().substring(CredentialGenerator.PREFIXES.length()));
      expectedFirst = b.last() + 1;
    }
    assertEquals(total, expectedFirst - 1, why);
    assertEquals(whole, joined.toString(), "the batches joined are not the one-batch catalog: " + why);
    assertNotEquals(whole, new CredentialGenerator(seed + 1).generate(esco, total).turtle(),
        "another seed gave the same catalog: " + why);

    Set<Integer> ids = new HashSet<>();
    int links = 0;
    try (GraphStore store = GraphStore.inMemory()) {
      store.load(io.cairn.graph.SampleData.sources());
      for (CredentialGenerator.Batch b : batches) {
        RdfSource source = RdfSource.fromText("bench-credentials-" + b.index() + ".ttl", b.turtle(), Lang.TURTLE);
        Set<Integer> here = credentialIds(source.graph());
        Set<Integer> expected = new TreeSet<>();
        for (int i = b.first(); i <= b.last(); i++) {
          expected.add(i);
        }
        assertEquals(expected, here, "batch " + b.index() + " does not hold exactly its credentials: " + why);
        for (int id : here) {
          assertTrue(ids.add(id), "id " + id + " twice: " + why);
        }
        List<int[]> pointers = links(source.graph());
        links += pointers.size();
        for (int[] link : pointers) {
          assertTrue(link[1] < link[0], "credential " + link[0] + " points at " + link[1]
              + " (prerequisite or stacking), not at an earlier one: " + why);
        }
        assertDoesNotThrow(() -> store.load(List.of(source)), "batch " + b.index() + " refused: " + why);
      }
    }
    assertEquals(total, ids.size(), why);
    assertTrue(links > 0, "no prerequisite or stacking link to check: " + why);
  }

  /** One to five cuts at random places, the last at the total. */
  private static List<CredentialGenerator.Batch> cut(CredentialGenerator.Batches batches, int total,
      SplittableRandom rnd) {
    TreeSet<Integer> ends = new TreeSet<>();
    int cuts = rnd.nextInt(5);
    for (int i = 0; i < cuts; i++) {
      ends.add(1 + rnd.nextInt(total - 1));
    }
    ends.add(total);
    List<CredentialGenerator.Batch> out = new ArrayList<>();
    for (int end : ends) {
      out.add(batches.next(end));
    }
    return out;
  }

  private static Set<Integer> credentialIds(Graph graph) {
    Set<Integer> ids = new TreeSet<>();
    graph.find(Node.ANY, NodeFactory.createURI(CETERMS + "ownedBy"), Node.ANY).forEachRemaining(t ->
        ids.add(number(t.getSubject())));
    return ids;
  }

  /** Each prerequisite and stacking link as {from, to}, by credential number. */
  private static List<int[]> links(Graph graph) {
    List<int[]> links = new ArrayList<>();
    for (String[] path : List.of(new String[] {CETERMS + "requires", CETERMS + "targetCredential"},
        new String[] {CAIRN + "stacksInto", CAIRN + "stackTarget"})) {
      for (Triple first : graph.find(Node.ANY, NodeFactory.createURI(path[0]), Node.ANY).toList()) {
        graph.find(first.getObject(), NodeFactory.createURI(path[1]), Node.ANY).forEachRemaining(second ->
            links.add(new int[] {number(first.getSubject()), number(second.getObject())}));
      }
    }
    return links;
  }

  private static int number(Node credential) {
    String iri = credential.getURI();
    assertTrue(iri.startsWith(CredentialGenerator.CREDENTIAL + "bench-"), iri);
    return Integer.parseInt(iri.substring((CredentialGenerator.CREDENTIAL + "bench-").length()));
  }
}
