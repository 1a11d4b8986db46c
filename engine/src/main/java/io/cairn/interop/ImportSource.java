package io.cairn.interop;

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
 * One document to import as it was read: its name (a file name, or the name an upload gave), its bytes and
 * their SHA-256, which the import records as provenance.
 */
public record ImportSource(String name, byte[] bytes, String sha256) {
  public ImportSource {
    Objects.requireNonNull(name);
    Objects.requireNonNull(bytes);
    Objects.requireNonNull(sha256);
  }

  /** A document given as bytes. */
  public static ImportSource of(String name, byte[] bytes) {
    return new ImportSource(name, bytes.clone(), sha256(bytes));
  }

  /** A file, read whole (standards' documents are small next to the heap). */
  public static ImportSource read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StandardFormatException(file + ": no such file (or not a regular file)");
    }
    try {
      return of(file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
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
    return o instanceof ImportSource other && name.equals(other.name) && sha256.equals(other.sha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, sha256);
  }

  @Override
  public String toString() {
    return name + " (" + bytes.length + " bytes, sha256 " + sha256 + ")";
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
