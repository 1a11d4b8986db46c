package io.cairn.interop.esco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.Competency;
import io.cairn.catalog.Occupation;
import io.cairn.graph.GraphStore;
import io.cairn.graph.LiveCatalog;
import io.cairn.graph.StoreDigest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer on a small hand-written download in the official layout (src/test/resources/esco-fixture). */
class EscoImporterTest {
  private static final String PYTHON = "f0000000-0000-4000-8000-000000000001";
  private static final String DEVELOPER = "e0000000-0000-4000-8000-000000000001";
  private static final String APP_DEVELOPER = "e0000000-0000-4000-8000-000000000002";
  private static final List<String> RELATION_FILES = List.of("occupationSkillRelations.csv",
      "broaderRelationsSkillPillar.csv", "broaderRelationsOccPillar.csv", "skillSkillRelations.csv");

  @TempDir
  Path temp;

  static Path fixture() {
    try {
      return Path.of(EscoImporterTest.class.getResource("/esco-fixture").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EscoImportReport importInto(LiveCatalog catalog, boolean skip, Path... paths) {
    return new EscoImporter(Clock.systemUTC()).importInto(catalog, List.of(paths),
        new EscoImporter.Options(skip, "", "en"), ImportProgress.silent());
  }

  /** A copy of the fixture that can be edited. */
  private Path copy(String name) throws IOException {
    Path target = temp.resolve(name);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(fixture())) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return target;
  }

  @Test
  void importsEveryConceptLabelAndLink() {
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      EscoImportReport report = importInto(catalog, false, fixture());
      assertEquals(4L, report.rowsPerFile().get("skills_en.csv"));
      assertEquals(5L, report.rowsPerFile().get("occupationSkillRelations.csv"));
      assertEquals(2L, report.rowsPerFile().get("skillsHierarchy_en.csv"));
      CatalogSnapshot s = catalog.snapshot();
      Competency python = s.findCompetency(PYTHON).orElseThrow();
      assertEquals("Python (computer programming)", python.label());
      assertEquals(List.of("Python", "Python3"), python.altLabels().stream().sorted().toList());
      assertEquals("knowledge", python.skillType());
      assertEquals("sector-specific", python.reuseLevel());
      assertEquals("06", s.competency(s.broader(python.index()).get(0)).id());
      assertEquals("communicate, with others", s.findCompetency("f0000000-0000-4000-8000-000000000003").orElseThrow().label());
      Occupation developer = s.findOccupation(DEVELOPER).orElseThrow();
      assertEquals(2, developer.essential().size());
      assertEquals(1, developer.optional().size());
      assertEquals("2512", developer.iscoGroup());
      assertEquals("2512", s.findOccupation(APP_DEVELOPER).orElseThrow().iscoGroup(),
          "a narrower occupation reaches its unit group through its parent");
      String turtle = catalog.store().describe(python.iri());
      assertTrue(turtle.contains("python dev"), "hidden label missing: " + turtle);
      assertTrue(turtle.contains("6c930acd-c104-4ece-acf7-f44fd7333036"), "digital collection missing: " + turtle);
    }
  }

  @Test
  void aTdb2StoreGetsTheGraphAnInMemoryStoreGets() {
    try (LiveCatalog memory = new LiveCatalog(GraphStore.inMemory());
        LiveCatalog disk = new LiveCatalog(GraphStore.onDisk(temp.resolve("tdb2")))) {
      EscoImportReport inMemory = importInto(memory, false, fixture());
      EscoImportReport onDisk = importInto(disk, false, fixture());

      assertEquals(inMemory.triples(), onDisk.triples());
      assertEquals(StoreDigest.of(memory.store()), StoreDigest.of(disk.store()));
      assertEquals(memory.snapshot().competencies(), disk.snapshot().competencies());
      // a re-import replaces the graph the usual way and still gives the same graph
      importInto(disk, false, fixture());
      assertEquals(StoreDigest.of(memory.store()).digestPerGraph().get(EscoImporter.GRAPH),
          StoreDigest.of(disk.store()).digestPerGraph().get(EscoImporter.GRAPH));
    }
  }

  @Test
  void recordsItsProvenanceInTheGraph() {
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      EscoImportReport report = importInto(catalog, false, fixture());
      String provenance = catalog.store().describe(EscoProvenance.DATASET);
      assertTrue(provenance.contains("sha256"), provenance);
      assertTrue(provenance.contains("skills_en.csv"), provenance);
      assertTrue(provenance.contains("rowCount"), provenance);
      assertTrue(provenance.contains("This service uses the ESCO classification of the European Commission."));
      assertTrue(provenance.contains("tripleCount") && provenance.contains(Long.toString(report.triples())),
          "the recorded triple count is the graph's: " + report.triples() + "\n" + provenance);
      assertEquals(report.triples(), catalog.store().graphSize(EscoImporter.GRAPH));
    }
  }

  @Test
  void zipArchivesGiveTheSameGraphAsFolders() throws IOException {
    List<Path> archives = zipAsDownloaded(temp);
    Path english = archives.get(0);
    Path relations = archives.get(1);
    try (LiveCatalog fromZip = new LiveCatalog(GraphStore.inMemory());
        LiveCatalog fromFolder = new LiveCatalog(GraphStore.inMemory())) {
      EscoImportReport zipped = importInto(fromZip, false, english, relations);
      EscoImportReport folder = importInto(fromFolder, false, fixture());
      assertEquals("1.1.1", zipped.version(), "the version comes from the archive names");
      assertEquals(folder.rowsPerFile(), zipped.rowsPerFile());
      assertEquals(fromFolder.snapshot().competencies(), fromZip.snapshot().competencies());
      assertEquals(fromFolder.snapshot().occupations(), fromZip.snapshot().occupations());
    }
  }

  @Test
  void aFolderHoldingTheTwoDownloadedArchivesIsTheDownload() throws IOException {
    Path download = temp.resolve("Downloads");
    Files.createDirectories(download);
    zipAsDownloaded(download);
    try (LiveCatalog fromDir = new LiveCatalog(GraphStore.inMemory());
        LiveCatalog fromFolder = new LiveCatalog(GraphStore.inMemory())) {
      EscoImportReport zipped = importInto(fromDir, false, download);
      EscoImportReport folder = importInto(fromFolder, false, fixture());
      assertEquals("1.1.1", zipped.version(), "the version comes from the archive names in the folder");
      assertEquals(folder.rowsPerFile(), zipped.rowsPerFile());
      assertEquals(fromFolder.snapshot().occupations(), fromDir.snapshot().occupations());
    }
  }

  @Test
  void readsTheLaterLayoutWithSuffixedRelationFilesAndExtraColumns() throws IOException {
    Path later = copy("esco-1.2");
    for (String name : RELATION_FILES) {
      List<String> lines = Files.readAllLines(later.resolve(name));
      // 1.2.x adds the language suffix and may add columns: put a new column first, so positions all move
      List<String> moved = lines.stream().map(l -> (l == lines.getFirst() ? "newColumn," : "x,") + l).toList();
      Files.write(later.resolve(name.replace(".csv", "_en.csv")), moved);
      Files.delete(later.resolve(name));
    }
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      EscoImportReport report = importInto(catalog, false, later);
      assertEquals(5L, report.rowsPerFile().get("occupationSkillRelations_en.csv"));
      assertEquals(2, catalog.snapshot().findOccupation(DEVELOPER).orElseThrow().essential().size());
    }
  }

  @Test
  void aMalformedRowStopsTheImportNamingFileAndLineAndChangesNothing() throws IOException {
    Path broken = copy("broken");
    Path relations = broken.resolve("occupationSkillRelations.csv");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(relations));
    lines.set(3, lines.get(3).replace(",optional,", ",sometimes,"));
    Files.write(relations, lines);
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      importInto(catalog, false, fixture());
      long version = catalog.store().version();
      CatalogSnapshot before = catalog.snapshot();

      MalformedRowException e = assertThrows(MalformedRowException.class, () -> importInto(catalog, false, broken));
      assertEquals("occupationSkillRelations.csv", e.file());
      assertEquals(4, e.line());
      assertTrue(e.getMessage().contains("relationType 'sometimes'"), e.getMessage());
      assertEquals(version, catalog.store().version());
      assertEquals(before, catalog.snapshot());
      assertEquals(before.occupations(), catalog.refresh().occupations());

      EscoImportReport skipped = importInto(catalog, true, broken);
      assertEquals(1, skipped.skippedRows());
      assertTrue(skipped.skipped().getFirst().startsWith("occupationSkillRelations.csv, line 4"));
      assertEquals(0, catalog.snapshot().findOccupation(DEVELOPER).orElseThrow().optional().size());
    }
  }

  @Test
  void lineNumbersCountLinesNotRowsWhenCellsSpanLines() throws IOException {
    Path broken = copy("multiline");
    Path skills = broken.resolve("skills_en.csv");
    String text = Files.readString(skills);
    // the third skill starts on line 8 of the file: rows 1 and 2 span lines 2-5 and 6-7
    Files.writeString(skills, text.replace(",transversal,", ",universal,"));
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      MalformedRowException e = assertThrows(MalformedRowException.class, () -> importInto(catalog, false, broken));
      assertEquals(8, e.line(), e.getMessage());
      assertTrue(e.getMessage().contains("reuseLevel 'universal'"), e.getMessage());
    }
  }

  @Test
  void aReimportReplacesTheEscoGraphWhole() throws IOException {
    Path smaller = copy("smaller");
    dropLinesNaming(smaller, "f0000000-0000-4000-8000-000000000004");
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      importInto(catalog, false, fixture());
      assertTrue(catalog.snapshot().findCompetency("f0000000-0000-4000-8000-000000000004").isPresent());
      long version = catalog.store().version();
      importInto(catalog, false, smaller);
      assertTrue(catalog.store().version() > version);
      // nothing of the first import lingers
      assertTrue(catalog.snapshot().findCompetency("f0000000-0000-4000-8000-000000000004").isEmpty());
      assertEquals(3, catalog.snapshot().competencies().stream().filter(c -> !c.skillType().equals("skill-group")).count());
    }
  }

  @Test
  void aLinkToASkillTheDownloadLacksIsRefusedByTheShapes() throws IOException {
    Path dangling = copy("dangling");
    Path skills = dangling.resolve("skills_en.csv");
    List<String> lines = Files.readAllLines(skills);
    Files.write(skills, lines.subList(0, lines.size() - 1));
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      io.cairn.graph.LoadRejectedException e = assertThrows(io.cairn.graph.LoadRejectedException.class,
          () -> importInto(catalog, false, dangling));
      assertTrue(e.violations().stream().anyMatch(v -> v.value().endsWith("f0000000-0000-4000-8000-000000000004")),
          e.violations().toString());
      assertTrue(catalog.store().sources().isEmpty());
    }
  }

  private static void dropLinesNaming(Path folder, String text) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".csv")).toList()) {
        Files.write(f, Files.readAllLines(f).stream().filter(l -> !l.contains(text)).toList());
      }
    }
  }

  @Test
  void anIncompleteDownloadOrAMissingColumnIsRefusedBeforeWriting() throws IOException {
    Path incomplete = copy("incomplete");
    Files.delete(incomplete.resolve("skills_en.csv"));
    Path noColumn = copy("no-column");
    Path occupations = noColumn.resolve("occupations_en.csv");
    Files.writeString(occupations, Files.readString(occupations).replaceFirst("conceptUri", "uri"));
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      long version = catalog.store().version();
      EscoFormatException missing = assertThrows(EscoFormatException.class, () -> importInto(catalog, false, incomplete));
      assertTrue(missing.getMessage().contains("skills"), missing.getMessage());
      EscoFormatException column = assertThrows(EscoFormatException.class, () -> importInto(catalog, false, noColumn));
      assertTrue(column.getMessage().contains("occupations_en.csv has no column conceptUri"), column.getMessage());
      assertEquals(version, catalog.store().version());
      assertFalse(catalog.store().sources().contains(EscoImporter.GRAPH));
    }
  }

  @Test
  void progressIsReportedForEveryFile() {
    List<String> done = new java.util.ArrayList<>();
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.inMemory())) {
      new EscoImporter(Clock.systemUTC()).importInto(catalog, List.of(fixture()), EscoImporter.Options.defaults(),
          (file, rows, finished) -> {
            if (finished) {
              done.add(file);
            }
          });
    }
    assertEquals(12, done.size(), done.toString());
    assertEquals("conceptSchemes_en.csv", done.getFirst());
  }

  /** The fixture as the portal's two archives (the English classification, the relations) in {@code folder}. */
  private static List<Path> zipAsDownloaded(Path folder) throws IOException {
    Path english = folder.resolve("ESCO dataset - v1.1.1 - classification - en - csv.zip");
    Path relations = folder.resolve("ESCO dataset - v1.1.1 - classification -  - csv.zip");
    try (Stream<Path> files = Files.list(fixture())) {
      List<Path> csv = files.filter(f -> f.toString().endsWith(".csv")).toList();
      zip(english, csv.stream().filter(f -> !RELATION_FILES.contains(f.getFileName().toString())).toList());
      zip(relations, csv.stream().filter(f -> RELATION_FILES.contains(f.getFileName().toString())).toList());
    }
    return List.of(english, relations);
  }

  private static void zip(Path target, List<Path> files) throws IOException {
    try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Path f : files) {
        zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
  }
}
