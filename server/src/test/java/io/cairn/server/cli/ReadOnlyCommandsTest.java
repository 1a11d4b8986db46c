package io.cairn.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.graph.StoreDigest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that only read write nothing to the data directory: every file keeps its size, modification time and
 * SHA-256 (they once committed a write transaction on every open, rewriting TDB2's index state files). Only
 * TDB2's process lock is rewritten, with the PID of whoever opens the store: that is the lock, not data.
 */
class ReadOnlyCommandsTest {
  private static final Path ROOT = Path.of(System.getProperty("cairn.root", "."));

  @TempDir
  Path dir;

  /** Every file under {@code data} but the locks: size, modification time and SHA-256. */
  static Map<String, String> files(Path data) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(data)) {
      for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("tdb.lock"))
          .toList()) {
        files.put(data.relativize(file).toString(), Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis()
            + " " + sha256(file));
      }
    }
    return files;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void validateRecommendAuditAndTheModelCommandsLeaveEveryFileAsItWas() throws Exception {
    Path data = dir.resolve("tdb2");
    Path extra = dir.resolve("extra.ttl");
    Files.writeString(extra, """
        @prefix ceterms: <https://purl.org/ctdl/terms/> .
        <https://w3id.org/cairn/id/issuer/test-college> a ceterms:CredentialOrganization ; ceterms:name "Test College" .
        """);
    assertEquals(0, CliRun.of("load", "--data", data.toString(), extra.toString()).exit());
    Map<String, String> before = files(data);
    StoreDigest content = StoreDigest.of(data);
    Thread.sleep(20); // a rewrite within the same millisecond would still change the digest

    String learner = ROOT.resolve("datasets/sample/learners/amira-retail-to-data.json").toString();
    String model = io.cairn.labor.FixtureModel.file().toString();
    String[][] commands = {
        {"validate", extra.toString()},
        {"recommend", "--learner", learner, "--json"},
        {"audit", "--learner", ROOT.resolve("datasets/sample/audits/sofia-ml-skills.json").toString()},
        {"next-skills", "--model", model, "--skills", "ccd0a1d9-afda-43d9-b901-96344886e14d"},
        // these two find no ESCO in the sample store and say so, after opening it
        {"train", "--quick", "--out", dir.resolve("m.model").toString()},
        {"evaluate", "--model", model, "--out", dir.resolve("e.json").toString()}};
    for (String[] command : commands) {
      String[] args = Stream.concat(Stream.of(command), Stream.of("--data", data.toString())).toArray(String[]::new);
      CliRun result = CliRun.of(args);
      assertTrue(result.exit() == 0 || command[0].equals("train") || command[0].equals("evaluate"),
          String.join(" ", command) + ": " + result.err());
      assertEquals(before, files(data), "'cairn " + command[0] + "' wrote to the data directory");
    }
    assertEquals(content, StoreDigest.of(data));
  }

  @Test
  void aCommandThatOnlyReadsCreatesNoDirectory() {
    Path missing = dir.resolve("no-store-here");
    CliRun result = CliRun.of("recommend", "--data", missing.toString(), "--learner",
        ROOT.resolve("datasets/sample/learners/amira-retail-to-data.json").toString());
    assertEquals(0, result.exit(), result.err());
    assertTrue(result.err().contains("reading the embedded sample in memory"), result.err());
    assertFalse(Files.exists(missing), "a read-only command created the data directory");
  }
}
