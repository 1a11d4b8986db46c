package io.cairn.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.SameCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A restart over an unchanged TDB2 store loads the persisted snapshot, and it answers as the compiled one did; a
 * store changed since (by Cairn, or behind its back by another tool that does not bump the version) and a damaged
 * file are never used: the snapshot is compiled again, and a damaged file costs one WARN line, not a crash. A
 * snapshot's build time tells a loaded snapshot (the saved build's) from a compiled one (a new instant).
 */
class PersistedSnapshotTest {
  private static final String DATA_MINING = "https://w3id.org/cairn/id/credential/nb-mc-data-mining";
  @TempDir
  static Path shared;
  private static Path sharedStore;
  private static CatalogSnapshot sharedBuilt;
  private static byte[] sharedFile;

  @BeforeAll
  static void storeWithItsSnapshot() throws IOException {
    sharedStore = shared.resolve("tdb2");
    sharedBuilt = firstStart(sharedStore);
    sharedFile = Files.readAllBytes(fileOf(sharedStore));
  }

  @Test
  void aRestartLoadsTheSnapshotAndItAnswersAsTheCompiledOne() throws IOException {
    Files.write(fileOf(sharedStore), sharedFile);
    CatalogSnapshot loaded = restart(sharedStore);
    assertEquals(sharedBuilt.builtAt(), loaded.builtAt(), "the restart loaded the snapshot instead of compiling it");
    SameCatalog.assertSame(sharedBuilt, loaded, 11, 150, "sample reloaded from disk");
    assertEquals(sharedBuilt.builtAt(), restart(sharedStore).builtAt(),
        "and again: opening and reading the store leave its key alone");
  }

  @Test
  void changesByAnotherToolThatLeaveTheVersionAloneAreNeverServedStale(@TempDir Path dir) {
    CatalogSnapshot built = firstStart(dir);
    // "Data Mining" becomes "Data Minung": same length, same triple count, same version, another store
    foreignUpdate(dir, """
        PREFIX ceterms: <https://purl.org/ctdl/terms/>
        DELETE { GRAPH ?g { ?c ceterms:name ?n } } INSERT { GRAPH ?g { ?c ceterms:name "Data Minung"@en } }
        WHERE { GRAPH ?g { ?c ceterms:name ?n } VALUES ?c { <%s> } }""".formatted(DATA_MINING));
    CatalogSnapshot renamed = restart(dir);
    assertEquals(built.version(), renamed.version(), "the other tool did not bump the version");
    assertNotEquals(built.builtAt(), renamed.builtAt(), "the stale snapshot was not loaded");
    assertEquals("Data Minung", renamed.findCredential(DATA_MINING).orElseThrow().name());
    assertEquals(renamed.builtAt(), restart(dir).builtAt(), "the rebuilt snapshot was written and is loaded next");
    assertFalse(renamed.findCredential(DATA_MINING).orElseThrow().teaches().isEmpty());
    foreignUpdate(dir, """
        PREFIX elm: <http://data.europa.eu/snb/model/elm/>
        DELETE WHERE { GRAPH ?g { <%s> elm:learningOutcome ?o } }""".formatted(DATA_MINING));
    CatalogSnapshot deleted = restart(dir);
    assertEquals(built.version(), deleted.version());
    assertTrue(deleted.findCredential(DATA_MINING).orElseThrow().teaches().isEmpty(), "the deletion is seen");
  }

  @Test
  void aWriteThroughCairnIsInTheSnapshotAfterARestart(@TempDir Path dir) throws IOException {
    firstStart(dir);
    byte[] before = Files.readAllBytes(fileOf(dir));
    CatalogSnapshot written;
    try (LiveCatalog catalog = open(dir)) {
      catalog.load(List.of(extraIssuer()));
      written = catalog.snapshot();
    }
    assertTrue(written.findIssuer("persisted-test-issuer").isPresent());
    CatalogSnapshot restarted = restart(dir);
    assertEquals(written.builtAt(), restarted.builtAt(), "the write rewrote the snapshot, which the restart loads");
    // a crash between the commit and the rewrite leaves the old file: the restart compiles instead
    Files.write(fileOf(dir), before);
    CatalogSnapshot rebuilt = restart(dir);
    assertNotEquals(written.builtAt(), rebuilt.builtAt(), "the old file was not used");
    assertTrue(rebuilt.findIssuer("persisted-test-issuer").isPresent());
    SameCatalog.assertSame(written, rebuilt, 13, 50, "rebuilt after a write");
  }

  @Test
  void aSnapshotOfAnotherCompilerOrVersionIsNotUsed() throws IOException {
    Files.write(fileOf(sharedStore), sharedFile);
    CatalogSnapshot built = sharedBuilt;
    try (GraphStore store = GraphStore.onDisk(sharedStore)) {
      PersistedSnapshot persisted = PersistedSnapshot.at(fileOf(sharedStore));
      StoreKey key = persisted.key(store).orElseThrow();
      assertTrue(persisted.load(key).isPresent());
      byte[] otherCompiler = key.compiler();
      otherCompiler[0] ^= 1;
      persisted.save(built, new StoreKey(key.version(), key.storeState(), otherCompiler));
      assertTrue(persisted.load(key).isEmpty(), "a Cairn whose compiler differs does not load it");
      persisted.save(built, new StoreKey(key.version() + 1, key.storeState(), key.compiler()));
      assertTrue(persisted.load(key).isEmpty(), "nor one of another store version");
    }
  }

  @Test
  void aReadOnlyStoreLoadsTheSnapshotButNeverWritesOne() throws IOException {
    Path dir = sharedStore;
    Files.write(fileOf(dir), sharedFile);
    CatalogSnapshot built = sharedBuilt;
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDiskReadOnly(dir),
        PersistedSnapshot.readOnlyAt(fileOf(dir)))) {
      assertEquals(built.builtAt(), catalog.snapshot().builtAt());
    }
    Files.delete(fileOf(dir));
    try (LiveCatalog catalog = new LiveCatalog(GraphStore.onDiskReadOnly(dir),
        PersistedSnapshot.readOnlyAt(fileOf(dir)))) {
      assertEquals(built.credentials(), catalog.snapshot().credentials());
    }
    assertFalse(Files.exists(fileOf(dir)), "a read-only start wrote nothing");
    Files.write(fileOf(dir), sharedFile);
  }

  @Test
  void aStoreInMemoryHasNoKey() {
    try (GraphStore store = GraphStore.inMemory()) {
      assertTrue(PersistedSnapshot.at(Path.of("unused")).key(store).isEmpty());
    }
  }

  /** Ways a snapshot file is not whole. */
  enum Damage {
    EMPTY(true), CUT_IN_THE_HEADER(true), CUT_IN_THE_PAYLOAD(true), A_PAYLOAD_BIT_FLIPPED(true),
    A_STATE_BIT_FLIPPED(false), ANOTHER_FORMAT_VERSION(false), NOT_A_SNAPSHOT(true), PADDED(true);

    /** True when the damage is corruption (a WARN); a key or format that differs is ordinary (an INFO). */
    final boolean warns;

    Damage(boolean warns) {
      this.warns = warns;
    }

    byte[] apply(byte[] good) {
      byte[] bytes = good.clone();
      return switch (this) {
        case EMPTY -> new byte[0];
        case CUT_IN_THE_HEADER -> Arrays.copyOf(bytes, 40);
        case CUT_IN_THE_PAYLOAD -> Arrays.copyOf(bytes, bytes.length - bytes.length / 3);
        case A_PAYLOAD_BIT_FLIPPED -> flip(bytes, bytes.length - bytes.length / 4);
        case A_STATE_BIT_FLIPPED -> flip(bytes, 8 + 4 + 8 + 5);
        case ANOTHER_FORMAT_VERSION -> ByteBuffer.wrap(bytes).putInt(8, ByteBuffer.wrap(bytes).getInt(8) + 1).array();
        case NOT_A_SNAPSHOT -> "@prefix ex: <https://example.org/> .\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        case PADDED -> Arrays.copyOf(bytes, bytes.length + 7);
      };
    }

    private static byte[] flip(byte[] bytes, int at) {
      bytes[at] ^= 0x10;
      return bytes;
    }
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedFileIsIgnoredWithOneWarningAndRebuilt(Damage damage) throws IOException {
    Files.write(fileOf(sharedStore), damage.apply(sharedFile));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    CatalogSnapshot rebuilt;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      rebuilt = restart(sharedStore);
    } finally {
      System.setErr(original);
    }
    String log = err.toString(StandardCharsets.UTF_8);
    assertNotEquals(sharedBuilt.builtAt(), rebuilt.builtAt(), damage + ": the damaged file was not used");
    SameCatalog.assertSame(sharedBuilt, withBuiltAt(rebuilt, sharedBuilt), 17, 60, damage.name());
    long warnings = log.lines().filter(l -> l.contains("WARN")).count();
    assertEquals(damage.warns ? 1 : 0, warnings, damage + ": " + log);
    assertEquals(rebuilt.builtAt(), restart(sharedStore).builtAt(), damage + ": the file was written whole again");
    assertArrayEquals(Arrays.copyOf(sharedFile, 8), Arrays.copyOf(Files.readAllBytes(fileOf(sharedStore)), 8));
  }

  private static CatalogSnapshot withBuiltAt(CatalogSnapshot s, CatalogSnapshot like) {
    return new CatalogSnapshot(s.version(), like.builtAt(), s.competencies(), s.occupations(), s.credentials(),
        s.issuers(), s.pathways(), s.competencies().stream().map(c -> s.broader(c.index())).toList());
  }

  private static Path fileOf(Path dir) {
    return dir.resolve(PersistedSnapshot.FILE_NAME);
  }

  private static LiveCatalog open(Path dir) {
    return new LiveCatalog(GraphStore.onDisk(dir), PersistedSnapshot.at(fileOf(dir)));
  }

  /** Creates the store with the sample and its persisted snapshot; returns the snapshot compiled for it. */
  private static CatalogSnapshot firstStart(Path dir) {
    try (LiveCatalog catalog = open(dir)) {
      catalog.loadSampleIfEmpty();
      return catalog.snapshot();
    }
  }

  private static CatalogSnapshot restart(Path dir) {
    try (LiveCatalog catalog = open(dir)) {
      return catalog.snapshot();
    }
  }

  /** Writes to the store as another tool would (tdb2.tdbupdate, say): straight to TDB2, no version bump. */
  private static void foreignUpdate(Path dir, String update) {
    Dataset dataset = TDB2Factory.connectDataset(dir.toString());
    Txn.executeWrite(dataset, () -> UpdateAction.parseExecute(update, dataset));
    dataset.close();
    TDBInternal.expel(dataset.asDatasetGraph());
  }

  private static RdfSource extraIssuer() {
    return RdfSource.fromText("persisted-test.ttl", """
        @prefix ceterms: <https://purl.org/ctdl/terms/> .
        <https://w3id.org/cairn/id/issuer/persisted-test-issuer> a ceterms:CredentialOrganization ;
            ceterms:name "Persisted Test Issuer"@en .
        """, Lang.TURTLE);
  }
}
