package io.cairn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.graph.PersistedSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line keeps the compiled catalog where it says: inside the data directory by default, in
 * {@code --snapshot-dir DIR} when given, nowhere with {@code --no-snapshot-cache}; and a command that only reads
 * loads it (its log says so) without writing one.
 */
class SnapshotCacheOptionTest {
  @TempDir
  Path dir;

  @Test
  void aWritingCommandKeepsTheSnapshotWhereAskedAndAReadingOneLoadsIt() throws java.io.IOException {
    Path data = dir.resolve("tdb2");
    Path extra = dir.resolve("extra.ttl");
    writeIssuer(extra);
    assertEquals(0, CliRun.of("load", "--data", data.toString(), extra.toString()).exit());
    assertTrue(Files.isRegularFile(data.resolve(PersistedSnapshot.FILE_NAME)), "kept inside the data directory");

    CliRun search = CliRun.of("search", "credentials", "data", "--data", data.toString());
    assertEquals(0, search.exit(), search.err());
    assertTrue(search.err().contains("Loaded the catalog snapshot"), search.err());

    Path cache = dir.resolve("cache");
    assertEquals(0, CliRun.of("load", "--data", data.toString(), "--snapshot-dir", cache.toString(),
        extra.toString()).exit());
    assertTrue(Files.isRegularFile(PersistedSnapshot.fileFor(data, cache)), "kept in the cache directory");

    Files.delete(data.resolve(PersistedSnapshot.FILE_NAME));
    assertEquals(0, CliRun.of("load", "--data", data.toString(), "--no-snapshot-cache", extra.toString()).exit());
    assertFalse(Files.exists(data.resolve(PersistedSnapshot.FILE_NAME)), "no snapshot kept when asked not to");
  }

  private static void writeIssuer(Path file) {
    try {
      Files.writeString(file, """
          @prefix ceterms: <https://purl.org/ctdl/terms/> .
          <https://w3id.org/cairn/id/issuer/cache-college> a ceterms:CredentialOrganization ;
              ceterms:name "Cache College" .
          """);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
