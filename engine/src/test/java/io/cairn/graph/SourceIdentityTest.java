package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's identity is its graph, derived from the file's canonical path: a file that shares a sample file's
 * name is another source (it once replaced the sample's five pathways with its one, and validate said OK);
 * reloading the same file replaces it and says so; replacing another source's graph must be asked for.
 */
class SourceIdentityTest {
  private static final String ONE_PATHWAY = """
      @prefix ceterms: <https://purl.org/ctdl/terms/> .
      @prefix cred: <https://w3id.org/cairn/id/credential/> .
      @prefix pathway: <https://w3id.org/cairn/id/pathway/> .
      @prefix component: <https://w3id.org/cairn/id/component/> .
      @prefix condition: <https://w3id.org/cairn/id/condition/> .
      pathway:%1$s a ceterms:Pathway ; ceterms:name "%2$s" ; ceterms:hasDestinationComponent component:%1$s-dest .
      component:%1$s-dest a ceterms:CredentialComponent ; ceterms:name "Certificate" ;
        ceterms:proxyFor cred:nb-cert-data-analytics ; ceterms:hasCondition condition:%1$s-root .
      condition:%1$s-root a ceterms:ComponentCondition ; ceterms:name "SQL first" ;
        ceterms:targetComponent component:%1$s-sql .
      component:%1$s-sql a ceterms:CredentialComponent ; ceterms:name "SQL" ; ceterms:proxyFor cred:sf-sql-basics .
      """;

  @TempDir
  Path dir;
  // the sample, loaded once; each test adds graphs of its own, and the one that replaces the sample's pathways
  // puts them back
  private static LiveCatalog catalog;
  private int pathways;

  @BeforeAll
  static void loadSample() {
    catalog = new LiveCatalog(GraphStore.inMemory());
    catalog.load(SampleData.sources());
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  @BeforeEach
  void countPathways() {
    pathways = catalog.snapshot().pathways().size();
  }

  /** A one-pathway file; the pathway's id is the test's, its name {@code name}. */
  private Path write(String relative, String id, String name) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, ONE_PATHWAY.formatted(id, name));
  }

  @Test
  void anotherFoldersFileOfTheSameNameIsAnotherSource() throws IOException {
    Path other = write("elsewhere/pathways.ttl", "elsewhere", "Elsewhere");
    assertEquals(List.of(), catalog.store().validate(List.of(RdfSource.fromFile(other))));
    List<SourceChange> plan = catalog.store().plan(List.of(RdfSource.fromFile(other)),
        GraphStore.LoadMode.ADD_OR_RELOAD);

    LoadReport report = catalog.load(List.of(RdfSource.fromFile(other)));
    assertEquals(pathways + 1, catalog.snapshot().pathways().size(), "the sample's pathways were replaced");
    SourceChange change = report.changes().getFirst();
    assertEquals(SourceChange.Kind.ADDED, change.kind());
    assertEquals(RdfSource.GRAPH_PREFIX + other.toRealPath().toUri(), change.graph());
    assertEquals(plan, report.changes(), "validate's plan and the load disagree");
    assertTrue(catalog.store().sources().contains(RdfSource.GRAPH_PREFIX + "pathways.ttl"));
  }

  @Test
  void reloadingTheSameFileAfterEditingItReplacesItsGraphAndSaysSo() throws IOException {
    Path mine = write("mine/pathways.ttl", "edited", "Edited");
    long firstTriples = catalog.load(List.of(RdfSource.fromFile(mine))).triples();
    Files.writeString(mine, ONE_PATHWAY.formatted("edited", "Edited, renamed") + """
        <https://w3id.org/cairn/id/pathway/edited> <https://purl.org/ctdl/terms/description> "Now described" .
        """);
    // the same file through another spelling of its path is the same source
    Path sameFile = dir.resolve("mine/../mine/./pathways.ttl");
    List<SourceChange> plan = catalog.store().plan(List.of(RdfSource.fromFile(sameFile)),
        GraphStore.LoadMode.ADD_OR_RELOAD);
    LoadReport report = catalog.load(List.of(RdfSource.fromFile(sameFile)));
    SourceChange change = report.changes().getFirst();
    assertEquals(SourceChange.Kind.REPLACED, change.kind());
    assertFalse(change.replacesAnotherSource());
    assertEquals(firstTriples, change.previousTriples());
    assertEquals(firstTriples + 1, change.triples());
    assertEquals("replaced graph " + change.graph() + " (" + firstTriples + " triples) with " + (firstTriples + 1)
        + " from the same source", change.describe());
    assertEquals("would replace graph " + change.graph() + " (" + firstTriples + " triples) with "
        + (firstTriples + 1) + " from the same source", plan.getFirst().describePlan());
    assertEquals(pathways + 1, catalog.snapshot().pathways().size());
    assertEquals("Edited, renamed", catalog.snapshot().findPathway("edited").orElseThrow().name());
  }

  @Test
  void replacingAnotherSourcesGraphMustBeAskedForAndIsReported() throws IOException {
    RdfSource mine = RdfSource.fromFile(write("mine/my-pathways.ttl", "solo", "Solo")).named("pathways.ttl");
    RdfSource samplePathways = SampleData.sources().stream()
        .filter(s -> s.graphName().equals(RdfSource.GRAPH_PREFIX + "pathways.ttl")).findFirst().orElseThrow();
    int samplePathwayCount = (int) catalog.snapshot().pathways().stream()
        .filter(p -> samplePathways.graph().contains(org.apache.jena.graph.NodeFactory.createURI(p.iri()),
            org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY)).count();
    String graph = RdfSource.GRAPH_PREFIX + "pathways.ttl";
    long sampleTriples = catalog.store().graphSize(graph);
    long version = catalog.store().version();

    SourceConflictException refused = assertThrows(SourceConflictException.class, () -> catalog.load(List.of(mine)));
    String message = refused.getMessage();
    assertTrue(message.contains(graph) && message.contains("classpath:cairn/sample/pathways.ttl")
        && message.contains("--replace"), message);
    assertThrows(SourceConflictException.class,
        () -> catalog.store().plan(List.of(mine), GraphStore.LoadMode.ADD_OR_RELOAD), "validate must refuse alike");
    assertEquals(version, catalog.store().version(), "a refused load committed");
    assertEquals(pathways, catalog.snapshot().pathways().size());

    LoadReport report = catalog.load(List.of(mine), GraphStore.LoadMode.REPLACE);
    SourceChange change = report.changes().getFirst();
    assertTrue(change.replacesAnotherSource());
    assertEquals(sampleTriples, change.previousTriples());
    assertTrue(change.describe().startsWith("replaced graph " + graph + " (" + String.format("%,d", sampleTriples)
        + " triples) with " + mine.graph().size() + " from file:"), change.describe());
    assertTrue(change.describe().endsWith("it came from classpath:cairn/sample/pathways.ttl"), change.describe());
    assertEquals(pathways - samplePathwayCount + 1, catalog.snapshot().pathways().size());

    // and back: the sample's file replaces what mine put in its graph, again only when asked
    assertThrows(SourceConflictException.class, () -> catalog.load(List.of(samplePathways)));
    catalog.load(List.of(samplePathways), GraphStore.LoadMode.REPLACE);
    assertEquals(pathways, catalog.snapshot().pathways().size());
  }

  @Test
  void oneFileGivenTwiceIsRefused() throws IOException {
    Path file = write("twice/pathways.ttl", "twice", "Twice");
    long version = catalog.store().version();
    SourceConflictException e = assertThrows(SourceConflictException.class,
        () -> catalog.load(List.of(RdfSource.fromFile(file),
            RdfSource.fromFile(dir.resolve("twice/../twice/pathways.ttl")))));
    assertTrue(e.getMessage().contains("two sources would go into graph"), e.getMessage());
    assertEquals(version, catalog.store().version());
  }

  @Test
  void aGraphNameMustBeUsable() {
    RdfSource source = SampleData.sources().getFirst();
    assertThrows(IllegalArgumentException.class, () -> source.named(" "));
    assertThrows(IllegalArgumentException.class, () -> source.named("has space"));
    assertEquals(RdfSource.GRAPH_PREFIX + "mine", source.named("mine").graphName());
    assertEquals(RdfSource.GRAPH_PREFIX + "x", source.named(RdfSource.GRAPH_PREFIX + "x").graphName());
  }
}
