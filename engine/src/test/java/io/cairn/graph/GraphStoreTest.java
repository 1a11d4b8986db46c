package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.CredentialKind;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphStoreTest {

  @Test
  void sampleConformsToTheShapes() {
    try (GraphStore store = GraphStore.inMemory()) {
      List<Violation> violations = store.validate(SampleData.sources());
      assertEquals(List.of(), violations);
    }
  }

  @Test
  void sampleMeetsTheSizesTheReadmePromises() {
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      catalog.load(SampleData.sources());
      CatalogSnapshot s = catalog.snapshot();
      long skills = s.competencies().stream().filter(c -> !c.skillType().equals("skill-group")).count();
      assertTrue(skills >= 150, "skills: " + skills);
      assertTrue(s.occupations().size() >= 8);
      assertTrue(s.credentials().size() >= 60);
      assertTrue(s.issuers().size() >= 4);
      assertTrue(s.pathways().size() >= 3);
      assertEquals(2, s.credentials().stream().filter(c -> c.kind() == CredentialKind.DEGREE).count());
      assertTrue(s.credentials().stream().anyMatch(c -> c.kind() == CredentialKind.NANODEGREE));
      assertTrue(s.pathways().stream().anyMatch(p -> p.destinations().size() >= 2));
      assertTrue(s.occupations().stream().allMatch(o -> !o.essential().isEmpty()));
      assertTrue(s.credentials().stream().allMatch(c -> !c.teaches().isEmpty()));
      // stacking: a badge into a certificate that counts toward a degree
      assertTrue(s.credentials().stream().anyMatch(c -> c.kind() == CredentialKind.BADGE
          && s.stacksIntoClosure(c.index()).stream().anyMatch(w -> s.credential(w).kind() == CredentialKind.DEGREE)));
    }
  }

  @Test
  void removingWhatOthersStillNameIsRefusedOnBothStores(@TempDir Path dir) {
    for (GraphStore store : List.of(GraphStore.inMemory(), GraphStore.onDisk(dir))) {
      try (LiveCatalog catalog = new LiveCatalog(store)) {
        catalog.load(SampleData.sources());
        CatalogSnapshot before = catalog.snapshot();
        String competencies = SampleData.sources().stream().map(RdfSource::graphName)
            .filter(g -> g.contains("competencies")).findFirst().orElseThrow();
        // the credentials' learning outcomes name those competencies: validation runs over what would remain
        LoadRejectedException e = assertThrows(LoadRejectedException.class,
            () -> catalog.removeSources(List.of(competencies)));
        assertFalse(e.violations().isEmpty());
        assertEquals(before.version(), catalog.refresh().version(), "a refused removal must not commit");
        assertEquals(before.competencies(), catalog.snapshot().competencies());
        // removing something nothing depends on goes through
        String pathways = SampleData.sources().stream().map(RdfSource::graphName)
            .filter(g -> g.contains("pathways")).findFirst().orElseThrow();
        catalog.removeSources(List.of(pathways));
        assertTrue(catalog.refresh().pathways().isEmpty());
      }
    }
  }

  @Test
  void loadingTheSameSourceTwiceIsIdempotent() {
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      catalog.load(SampleData.sources());
      CatalogSnapshot first = catalog.snapshot();
      String described = catalog.store().describe(first.credential(0).iri());
      catalog.load(SampleData.sources());
      CatalogSnapshot second = catalog.snapshot();
      assertTrue(second.version() > first.version());
      assertEquals(first.credentials(), second.credentials());
      assertEquals(first.pathways(), second.pathways());
      assertEquals(described.length(), catalog.store().describe(first.credential(0).iri()).length(),
          "blank nodes were duplicated by the second load");
    }
  }

  @Test
  void tdb2StoreKeepsDataAcrossRestarts(@TempDir Path dir) {
    CatalogSnapshot before;
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDisk(dir))) {
      assertTrue(catalog.loadSampleIfEmpty());
      before = catalog.snapshot();
    }
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDisk(dir))) {
      assertFalse(catalog.loadSampleIfEmpty(), "the sample was loaded twice");
      assertEquals(before.version(), catalog.snapshot().version());
      assertEquals(before.credentials(), catalog.snapshot().credentials());
      assertEquals(before.competencies(), catalog.snapshot().competencies());
    }
  }

  @Test
  void malformedTurtleNamesTheLine() {
    RdfSyntaxException e = assertThrows(RdfSyntaxException.class,
        () -> RdfSource.fromText("bad.ttl", "<a> <b> \n <c> <d> .", Lang.TURTLE));
    assertTrue(e.getMessage().startsWith("bad.ttl"), e.getMessage());
    assertTrue(e.getMessage().contains("line"), e.getMessage());
  }

  @Test
  void describeReturnsTheEntityWithItsBlankNodes() {
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      catalog.load(SampleData.sources());
      String turtle = catalog.store().describe(catalog.snapshot().credential(0).iri());
      assertTrue(turtle.contains("relatedESCOSkill"), turtle);
      assertTrue(turtle.contains("volumeOfLearning"), turtle);
    }
  }

  @Test
  void workloadDurationsBecomeHours() {
    assertEquals(40.0, SnapshotCompiler.hours("PT40H"));
    assertEquals(1.5, SnapshotCompiler.hours("PT1H30M"));
    assertEquals(48.0, SnapshotCompiler.hours("P2D"));
    assertEquals(0.0, SnapshotCompiler.hours("nonsense"));
  }
}
