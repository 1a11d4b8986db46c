package io.cairn.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.RdfSource;
import io.cairn.graph.SourceConflictException;
import io.cairn.graph.SourceIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standards document is a source by the rule every source follows: its graph is named after where it came from
 * (a file's absolute path), importing the same file again replaces it and says so, a file of the same name in
 * another folder is another source, and replacing a graph that another source filled must be asked for. The
 * report says what happened to each graph in the words {@code cairn load} uses.
 */
class ImportSourceIdentityTest {
  private static final String BADGE = """
      @prefix ceterms: <https://purl.org/ctdl/terms/> .
      <https://example.org/cred/%s> a ceterms:OpenBadge ; ceterms:name "%s"@en ;
        ceterms:ownedBy <https://w3id.org/cairn/id/issuer/skillforge> ;
        ceterms:teaches [ a ceterms:CredentialAlignmentObject ;
            ceterms:targetNode <http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d> ] .
      """;

  @TempDir
  Path dir;

  private Path write(String folder, String name, String id, String title) throws IOException {
    Path file = Files.createDirectories(dir.resolve(folder)).resolve(name);
    Files.writeString(file, BADGE.formatted(id, title));
    return file;
  }

  private static ImportReport importFile(LiveCatalog catalog, Path file) {
    return importFile(catalog, ImportSource.read(file), GraphStore.LoadMode.ADD_OR_RELOAD);
  }

  private static ImportReport importFile(LiveCatalog catalog, ImportSource source, GraphStore.LoadMode mode) {
    return StandardsFixture.standards().importDocuments(catalog, StandardFormat.CTDL, List.of(source), List.of(),
        mode, StandardsFixture.CLOCK, StandardsProgress.silent());
  }

  @Test
  void aFileIsKnownByItsPathAndImportingItAgainReplacesItAndSaysSo() throws IOException {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      Path file = write("a", "badges.ttl", "one", "First title");
      ImportReport first = importFile(catalog, file);
      String origin = file.toRealPath().toUri().toString();
      assertEquals(1, first.changes().size());
      ImportReport.GraphChange added = first.changes().getFirst();
      assertEquals("added", added.kind());
      assertEquals(SourceIdentity.graphOf(origin), added.graph());
      assertEquals(origin, first.sources().getFirst().origin());
      assertTrue(added.description().startsWith("added graph urn:cairn:source:" + origin), added::description);

      write("a", "badges.ttl", "one", "Second title");
      ImportReport again = importFile(catalog, file);
      ImportReport.GraphChange replaced = again.changes().getFirst();
      assertEquals("replaced", replaced.kind());
      assertEquals(added.graph(), replaced.graph());
      assertEquals(added.triples(), replaced.previousTriples());
      assertTrue(replaced.description().endsWith("from the same source"), replaced::description);
      assertEquals(List.of("https://example.org/cred/one"), again.replaced().stream().map(ImportReport.Resource::iri)
          .toList());
      assertEquals("Second title", catalog.snapshot().findCredential("https://example.org/cred/one").orElseThrow()
          .name());
    }
  }

  @Test
  void aFileOfTheSameNameElsewhereIsAnotherSource() throws IOException {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportReport a = importFile(catalog, write("a", "badges.ttl", "one", "One"));
      ImportReport b = importFile(catalog, write("b", "badges.ttl", "two", "Two"));
      assertEquals("added", b.changes().getFirst().kind());
      assertTrue(!a.changes().getFirst().graph().equals(b.changes().getFirst().graph()));
      assertTrue(catalog.snapshot().findCredential("https://example.org/cred/one").isPresent());
      assertTrue(catalog.snapshot().findCredential("https://example.org/cred/two").isPresent());
    }
  }

  @Test
  void loadAndImportOfOneFileAreOneSource() throws IOException {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      Path file = write("a", "badge.ttl", "one", "One");
      String graph = catalog.load(List.of(RdfSource.fromFile(file))).graphs().getFirst();
      ImportReport imported = importFile(catalog, file);
      assertEquals(graph, imported.changes().getFirst().graph());
      assertEquals("replaced", imported.changes().getFirst().kind());
      assertTrue(imported.changes().getFirst().description().endsWith("from the same source"));
    }
  }

  @Test
  void replacingAnotherSourcesGraphIsRefusedUnlessAskedAndNothingIsWritten() throws IOException {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportSource intoTheSamples = ImportSource.read(write("a", "badge.ttl", "one", "One")).named("credentials.ttl");
      long version = catalog.store().version();
      List<String> graphs = catalog.store().sources();
      int credentials = catalog.snapshot().credentials().size();
      SourceConflictException refused = assertThrows(SourceConflictException.class,
          () -> importFile(catalog, intoTheSamples, GraphStore.LoadMode.ADD_OR_RELOAD));
      assertTrue(refused.getMessage().contains("urn:cairn:source:credentials.ttl")
          && refused.getMessage().contains("classpath:") && refused.getMessage().contains("--replace"),
          refused::getMessage);
      assertEquals(version, catalog.store().version());
      assertEquals(graphs, catalog.store().sources());
      assertEquals(credentials, catalog.snapshot().credentials().size());
    }
  }

  @Test
  void aResourceAnotherSourceDescribedIsReplacedWhereItIsAndThatGraphIsReportedEdited() throws IOException {
    try (LiveCatalog catalog = StandardsFixture.sample()) {
      ImportReport first = importFile(catalog, write("a", "first.ttl", "shared", "Shared v1"));
      ImportReport second = importFile(catalog, write("b", "second.ttl", "shared", "Shared v2"));
      assertEquals(List.of("added", "edited"), second.changes().stream().map(ImportReport.GraphChange::kind).toList());
      ImportReport.GraphChange edited = second.changes().get(1);
      assertEquals(first.changes().getFirst().graph(), edited.graph());
      assertTrue(edited.triples() < edited.previousTriples(), edited::toString);
      assertTrue(edited.description().startsWith("took "), edited::description);
      assertEquals(1, second.replaced().size());
      assertEquals("Shared v2", catalog.snapshot().findCredential("https://example.org/cred/shared").orElseThrow()
          .name());
      // the triples imported are the document's own, not what is left of the edited graph
      assertEquals(second.changes().getFirst().triples(), second.triples());
    }
  }
}
