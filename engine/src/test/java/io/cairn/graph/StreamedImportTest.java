package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.SameCatalog;
import io.cairn.catalog.SnapshotCodec;
import io.cairn.interop.esco.EscoImporter;
import io.cairn.interop.esco.FullEsco;
import io.cairn.interop.esco.ImportProgress;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GraphStore#replaceGraph} streams on two threads ({@link ImportPipeline}): the writer's thread checks the
 * in-memory copy, and for a fresh import compiles the snapshot from it before the commit. Here: that snapshot is
 * the one the committed TDB2 store gives, byte for byte (so literals TDB2 stores inline read the same); it is not
 * made when the store holds other sources or the import is refused; and a writer that fails, early or after many
 * batches, leaves the store as it was and its exception as it threw it.
 */
class StreamedImportTest {
  private static final String GRAPH = EscoImporter.GRAPH;
  @TempDir
  Path temp;

  @Test
  void aFreshImportsSnapshotMadeAheadIsTheCommittedStoresByteForByte() {
    Graph fixture = escoGraphOf(fixtureImport());
    try (GraphStore store = GraphStore.onDisk(temp.resolve("tdb2"))) {
      CatalogSnapshot ahead = importAhead(store, copying(fixture), SampleData.sources());
      assertNotNull(ahead, "a fresh import of the fixture with the sample alongside compiles its snapshot ahead");
      CatalogSnapshot committed = new SnapshotCompiler(Clock.systemUTC()).compile(store);
      assertEquals(store.version(), ahead.version());
      assertArrayEquals(bytes(committed), bytes(ahead));
      SameCatalog.assertSame(committed, ahead, 5, 40, "fixture and sample, compiled ahead");
    }
  }

  @Test
  void fullEscoIntoTdb2CompiledAheadIsTheCommittedStoresByteForByte() {
    Graph esco = escoGraphOf(FullEsco.catalog().store());
    try (GraphStore store = GraphStore.onDisk(temp.resolve("tdb2"))) {
      CatalogSnapshot ahead = importAhead(store, copying(esco), List.of());
      assertNotNull(ahead);
      CatalogSnapshot committed = new SnapshotCompiler(Clock.systemUTC()).compile(store);
      assertTrue(committed.competencies().size() > 14_000, "full ESCO");
      assertArrayEquals(bytes(committed), bytes(ahead));
    }
  }

  @Test
  void aLiveCatalogAdoptsTheSnapshotMadeAhead() {
    Graph fixture = escoGraphOf(fixtureImport());
    AtomicInteger instants = new AtomicInteger();
    Clock counting = new Clock() {
      @Override
      public Instant instant() {
        return Instant.ofEpochSecond(1_000_000 + instants.incrementAndGet());
      }

      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    };
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDisk(temp.resolve("tdb2")), counting)) {
      int beforeImport = instants.get();
      LoadReport report = catalog.replaceGraph(GRAPH, "test", copying(fixture), SampleData.sources());
      assertEquals(beforeImport + 1, instants.get(), "one compile, the one made ahead; none after the commit");
      assertEquals(report.storeVersion(), catalog.snapshot().version());
      SameCatalog.assertSame(new SnapshotCompiler(Clock.systemUTC()).compile(catalog.store()), catalog.snapshot(),
          6, 40, "the adopted snapshot");
    }
  }

  @Test
  void aStoreHoldingOtherSourcesCompilesAfterTheCommitInstead() {
    Graph fixture = escoGraphOf(fixtureImport());
    try (GraphStore store = GraphStore.onDisk(temp.resolve("tdb2"))) {
      store.replaceGraph(GRAPH, "test", copying(fixture), List.of());
      store.load(SampleData.sources());
      // a re-import: the sample's credentials are another source the copy does not hold
      assertNull(importAhead(store, copying(fixture), List.of()));
      try (LiveCatalog catalog = new LiveCatalog(store)) {
        catalog.replaceGraph(GRAPH, "test", copying(fixture), List.of());
        assertEquals(store.version(), catalog.snapshot().version());
        assertTrue(catalog.snapshot().credentials().size() > 0, "the sample's credentials are in the snapshot");
      }
    }
  }

  @Test
  void aRefusedImportMakesNothingAheadAndLeavesTheStoreAsItWas() {
    Graph broken = escoGraphOf(fixtureImport());
    // a skill an occupation needs taken out of the download: the link dangles, which the shapes refuse
    Node skill = broken.find(Node.ANY,
        NodeFactory.createURI("http://data.europa.eu/esco/model#relatedEssentialSkill"), Node.ANY).next().getObject();
    broken.remove(skill, Node.ANY, Node.ANY);
    try (GraphStore store = GraphStore.onDisk(temp.resolve("tdb2"))) {
      long version = store.version();
      AtomicReference<CatalogSnapshot> ahead = new AtomicReference<>();
      assertThrows(LoadRejectedException.class, () -> store.replaceGraph(GRAPH, "test", copying(broken), List.of(),
          (view, v) -> ahead.set(new SnapshotCompiler(Clock.systemUTC()).compile(view, v))));
      assertNull(ahead.get());
      assertEquals(version, store.version());
      assertEquals(0, store.graphSize(GRAPH));
    }
  }

  @Test
  void aWriterThatFailsLeavesTheStoreAsItWasAndItsExceptionAsItThrewIt() {
    Graph fixture = escoGraphOf(fixtureImport());
    try (GraphStore store = GraphStore.onDisk(temp.resolve("tdb2"))) {
      store.replaceGraph(GRAPH, "test", copying(fixture), List.of());
      long version = store.version();
      long triples = store.graphSize(GRAPH);
      for (int after : new int[] {0, 10, 4096 * 3 + 1, 400_000}) {
        UncheckedIOException thrown = new UncheckedIOException(new IOException("disk gone after " + after));
        Consumer<Graph> failing = g -> {
          for (int i = 0; i < after; i++) {
            g.add(Triple.create(NodeFactory.createURI("https://example.org/s" + i),
                NodeFactory.createURI("https://example.org/p"), NodeFactory.createURI("https://example.org/o")));
          }
          throw thrown;
        };
        UncheckedIOException caught = assertThrows(UncheckedIOException.class,
            () -> store.replaceGraph(GRAPH, "test", failing, List.of()));
        assertSame(thrown, caught, "failing after " + after + " triples");
        assertEquals(version, store.version());
        assertEquals(triples, store.graphSize(GRAPH));
      }
      assertTrue(Thread.getAllStackTraces().keySet().stream()
          .noneMatch(t -> t.getName().equals("cairn-import-writer") && t.isAlive() && sleepsLong(t)),
          "no writer thread is left behind");
    }
  }

  private static boolean sleepsLong(Thread t) {
    try {
      t.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return t.isAlive();
  }

  /** The snapshot {@code whileWriting} was given, or null when it was not called. */
  private static CatalogSnapshot importAhead(GraphStore store, Consumer<Graph> writer, List<RdfSource> alongside) {
    AtomicReference<CatalogSnapshot> ahead = new AtomicReference<>();
    SnapshotCompiler compiler = new SnapshotCompiler(Clock.systemUTC());
    store.replaceGraph(GRAPH, "test", writer, alongside, (view, version) -> ahead.set(compiler.compile(view, version)));
    return ahead.get();
  }

  private static Consumer<Graph> copying(Graph source) {
    return target -> source.find().forEachRemaining(target::add);
  }

  private static GraphStore fixtureImport() {
    LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory());
    try {
      Path fixture = Path.of(StreamedImportTest.class.getResource("/esco-fixture").toURI());
      new EscoImporter(Clock.systemUTC()).importInto(catalog, List.of(fixture), EscoImporter.Options.defaults(),
          ImportProgress.silent());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return catalog.store();
  }

  private static Graph escoGraphOf(GraphStore store) {
    return store.readDataset(dsg -> {
      Graph copy = GraphFactory.createGraphMem();
      dsg.getGraph(NodeFactory.createURI(GRAPH)).find().forEachRemaining(copy::add);
      return copy;
    });
  }

  /** The snapshot's encoding with its build time set aside (the two are built at different instants). */
  private static byte[] bytes(CatalogSnapshot s) {
    CatalogSnapshot timeless = new CatalogSnapshot(s.version(), Instant.EPOCH, s.competencies(), s.occupations(),
        s.credentials(), s.issuers(), s.pathways(),
        java.util.stream.IntStream.range(0, s.competencies().size()).mapToObj(s::broader).toList());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      SnapshotCodec.write(timeless, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
