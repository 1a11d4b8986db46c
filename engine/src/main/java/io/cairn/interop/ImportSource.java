package io.cairn.interop;

import io.cairn.graph.SourceIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One document to import as it was read: its name (a file name, or the name an upload gave), where it came from,
 * the named graph it goes into, its bytes and their SHA-256, which the import records as provenance.
 *
 * <p>Its graph follows the rule every source follows ({@link SourceIdentity}): named after its origin, so a file
 * is known by its absolute path (imported again, it replaces what it imported before) and an upload by the name its
 * client gives ({@code upload:NAME}). {@link #named} chooses a graph instead.
 *
 * @param origin where the document came from: a {@code file:} URI, {@code upload:} and a name, or a name
 * @param graph the named graph it is stored in
 */
public record ImportSource(String name, String origin, String graph, byte[] bytes, String sha256) {
  /** Origins of documents sent over HTTP start with this, followed by the name the client gave. */
  public static final String UPLOAD = "upload:";

  public ImportSource {
    Objects.requireNonNull(name);
    Objects.requireNonNull(origin);
    Objects.requireNonNull(graph);
    Objects.requireNonNull(bytes);
    Objects.requireNonNull(sha256);
  }

  /** A document given as bytes, known by {@code name} (its origin, and its graph's name). */
  public static ImportSource of(String name, byte[] bytes) {
    return new ImportSource(name, name, SourceIdentity.graphOf(name), bytes.clone(), sha256(bytes));
  }

  /** A document sent over HTTP under the name {@code name}: origin {@code upload:NAME}. */
  public static ImportSource upload(String name, byte[] bytes) {
    return new ImportSource(name, UPLOAD + name, SourceIdentity.graphOf(UPLOAD + name), bytes.clone(),
        sha256(bytes));
  }

  /** A file, read whole (standards' documents are small next to the heap), known by its absolute path. */
  public static ImportSource read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StandardFormatException(file + ": no such file (or not a regular file)");
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      String origin = SourceIdentity.fileOrigin(file);
      return new ImportSource(file.getFileName().toString(), origin, SourceIdentity.graphOf(origin), bytes,
          sha256(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The same document stored in the graph {@code chosen} instead, keeping its origin (see
   * {@link SourceIdentity#chosenGraph}).
   *
   * @throws IllegalArgumentException when the name could not be a graph's
   */
  public ImportSource named(String chosen) {
    return new ImportSource(name, origin, SourceIdentity.chosenGraph(chosen), bytes, sha256);
  }

  /** The document as UTF-8 text (a byte-order mark is dropped). */
  public String text() {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Size in bytes. */
  public long size() {
    return bytes.length;
  }

  /** The name's extension in lower case ({@code jsonld}, {@code ttl}, ...), or empty. */
  public String extension() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImportSource other && name.equals(other.name) && origin.equals(other.origin)
        && graph.equals(other.graph) && sha256.equals(other.sha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, origin, graph, sha256);
  }

  @Override
  public String toString() {
    return name + " (" + origin + ", " + bytes.length + " bytes, sha256 " + sha256 + ")";
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
