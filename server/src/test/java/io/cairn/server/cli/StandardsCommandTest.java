package io.cairn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn import ctdl|elm|ob3|case} and {@code cairn export}, in-process, on the standards' own files. */
class StandardsCommandTest {
  private static final Path STANDARDS = Path.of(System.getProperty("cairn.shared", "../shared"), "standards");

  private static CliRun cairn(String... args) {
    return CliRun.of(args);
  }

  @Test
  void importingTheStandardsExamplesSaysWhatWasAddedAndRefused(@TempDir Path dir) throws java.io.IOException {
    Path data = dir.resolve("data");
    CliRun ctdl = cairn("import", "ctdl", "--data", data.toString(),
        STANDARDS.resolve("ctdl/examples/HeriotWatt-courses.ttl").toString(),
        STANDARDS.resolve("ctdl/examples/HeriotWatt-pathway.ttl").toString());
    assertEquals(0, ctdl.exit(), ctdl.err());
    assertTrue(ctdl.out().contains("1 Pathway"), ctdl.out());
    assertTrue(ctdl.out().contains("Refused (nothing of these was stored)"), ctdl.out());
    // each file is a source named by its absolute path, as `cairn load` names it
    assertTrue(ctdl.out().contains("added graph urn:cairn:source:" + STANDARDS.resolve(
        "ctdl/examples/HeriotWatt-pathway.ttl").toRealPath().toUri()), ctdl.out());
    assertTrue(ctdl.out().contains("6 pathways"), ctdl.out());
    // the store on disk keeps it: the CASE import into the same store sees the sample and the pathway
    CliRun pkg = cairn("import", "case", "--data", data.toString(),
        STANDARDS.resolve("case/examples/opensalt-SmartLevelFramework.json").toString());
    assertEquals(0, pkg.exit(), pkg.err());
    assertTrue(pkg.out().contains("14 CFItem"), pkg.out());
  }

  @Test
  void aDocumentThatIsNotTheStandardImportsNothingAndSaysWhy(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"CFDocument\": ");
    CliRun r = cairn("import", "case", "--in-memory", broken.toString());
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("not valid JSON") && r.err().contains("nothing was imported"), r.err());
  }

  @Test
  void exportWritesTheCatalogInEachStandard(@TempDir Path dir) throws Exception {
    for (String format : new String[] {"ctdl", "elm", "ob3", "case"}) {
      CliRun r = cairn("export", "--in-memory", "--format", format, "--out", dir.toString());
      assertEquals(0, r.exit(), r.err());
    }
    for (String file : new String[] {"credentials.ctdl.jsonld", "pathways.ctdl.jsonld", "credentials.elm.jsonld",
        "achievements.ob3.json", "esco-skills.case.json"}) {
      assertTrue(Files.size(dir.resolve(file)) > 10_000, file);
    }
    CliRun bad = cairn("export", "--in-memory", "--format", "xml", "--out", dir.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("unknown --format"), bad.err());
  }
}
