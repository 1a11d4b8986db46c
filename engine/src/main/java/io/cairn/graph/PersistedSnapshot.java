package io.cairn.graph;

import io.cairn.catalog.CatalogSnapshot;
import io.cairn.catalog.SnapshotCodec;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiled {@link CatalogSnapshot} kept in a file between starts, so that a restart over an unchanged store loads
 * it instead of compiling it again from the graph. The file is keyed by a {@link StoreKey} (the store's version,
 * its committed TDB2 state, the compiler's fingerprint): it is used only when its key equals the store's, and
 * rebuilt and written again when it does not. See {@link StoreKey} for why a write the version does not see
 * (another tool's) still changes the key.
 *
 * <p>The file: the magic {@code CAIRNSNP}, the {@linkplain SnapshotCodec#FORMAT_VERSION format version}, the key
 * (version, 32 bytes of store state, 32 bytes of compiler fingerprint), the payload's length and CRC-32C, then the
 * payload ({@link SnapshotCodec}). It is written to a temporary file beside it and moved into place, so a reader
 * sees the old file or the new one whole. A file that is not whole (truncated, a bit flipped, another format, not a
 * snapshot at all) is ignored with one WARN line and the snapshot is compiled again: a bad file costs a rebuild,
 * never a failed start nor a wrong catalog. Failing to write the file is a WARN too.
 *
 * <p>Thread-safe for one process: {@link LiveCatalog} calls it under its own lock.
 */
public final class PersistedSnapshot {
  /** The file's name inside a TDB2 directory when no other place is configured. */
  public static final String FILE_NAME = "cairn-catalog.snapshot";
  private static final Logger LOG = LoggerFactory.getLogger(PersistedSnapshot.class);
  private static final byte[] MAGIC = "CAIRNSNP".getBytes(StandardCharsets.US_ASCII);
  private static final int KEY_BYTES = 32;
  private static final int HEADER_BYTES = MAGIC.length + 4 + 8 + 2 * KEY_BYTES + 8 + 4;
  private static byte[] compilerFingerprint;
  private final Path file;
  private final boolean writable;

  private PersistedSnapshot(Path file, boolean writable) {
    this.file = file;
    this.writable = writable;
  }

  /** A snapshot file at {@code file}, loaded when it fits the store and written after each compile. */
  public static PersistedSnapshot at(Path file) {
    return new PersistedSnapshot(file, true);
  }

  /** A snapshot file at {@code file} that is loaded when it fits but never written: for a read-only store. */
  public static PersistedSnapshot readOnlyAt(Path file) {
    return new PersistedSnapshot(file, false);
  }

  /**
   * Where the snapshot of the store in {@code storeDirectory} goes: inside it, or, given a cache directory, in
   * that directory under a name drawn from the store's absolute path (so stores sharing a cache keep apart).
   */
  public static Path fileFor(Path storeDirectory, Path cacheDirectory) {
    if (cacheDirectory == null) {
      return storeDirectory.resolve(FILE_NAME);
    }
    byte[] path = storeDirectory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
    String name = HexFormat.of().formatHex(SnapshotCompiler.sha256().digest(path), 0, 8);
    return cacheDirectory.resolve("catalog-" + name + ".snapshot");
  }

  public Path file() {
    return file;
  }

  /**
   * The snapshot of the store as it is: loaded from the file when the file's key is the store's, otherwise
   * compiled by {@code compiler} and (when writable, and no commit fell during the compile) written to the file.
   */
  CatalogSnapshot loadOrCompile(GraphStore store, SnapshotCompiler compiler) {
    long start = System.nanoTime();
    Optional<StoreKey> before = key(store);
    if (before.isEmpty()) {
      return compiler.compile(store);
    }
    long keyed = System.nanoTime();
    Optional<CatalogSnapshot> loaded = load(before.get());
    if (loaded.isPresent()) {
      LOG.info("Loaded the catalog snapshot of store version {} from {} in {} ms (the store's key in {} ms)",
          before.get().version(), file, (System.nanoTime() - start) / 1_000_000, (keyed - start) / 1_000_000);
      return loaded.get();
    }
    CatalogSnapshot built = compiler.compile(store);
    if (writable) {
      Optional<StoreKey> after = key(store);
      if (after.equals(before) && built.version() == before.get().version()) {
        save(built, before.get());
      } else {
        LOG.info("The store changed while its snapshot compiled; not writing it to {}", file);
      }
    }
    return built;
  }

  /** Writes {@code compiled}, made elsewhere, to the file when writable and it is of the store's current version. */
  void keep(GraphStore store, CatalogSnapshot compiled) {
    if (writable) {
      key(store).filter(k -> k.version() == compiled.version()).ifPresent(k -> save(compiled, k));
    }
  }

  /** The store's key now, or empty when it has none (in memory) or its state cannot be read (a WARN). */
  Optional<StoreKey> key(GraphStore store) {
    try {
      return StoreKey.of(store, compiler());
    } catch (UncheckedIOException | IllegalStateException e) {
      LOG.warn("Cannot read the state of {} ({}); compiling the catalog without {}", store.description(),
          e.getMessage(), file);
      return Optional.empty();
    }
  }

  /** The snapshot in the file when its key is {@code key} and it is whole; empty (and why, logged) otherwise. */
  Optional<CatalogSnapshot> load(StoreKey key) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < HEADER_BYTES) {
        return ignored("it is truncated (" + size + " bytes, shorter than its header)");
      }
      ByteBuffer header = readFully(channel, 0, HEADER_BYTES);
      byte[] magic = new byte[MAGIC.length];
      header.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        return ignored("it is not a Cairn catalog snapshot");
      }
      int format = header.getInt();
      if (format != SnapshotCodec.FORMAT_VERSION) {
        LOG.info("The snapshot in {} has format {}, this Cairn reads {}; compiling the catalog again", file, format,
            SnapshotCodec.FORMAT_VERSION);
        return Optional.empty();
      }
      StoreKey stored = new StoreKey(header.getLong(), bytes(header, KEY_BYTES), bytes(header, KEY_BYTES));
      if (!stored.equals(key)) {
        LOG.info("The snapshot in {} is of another store state ({}; the store is at {}); compiling it again", file,
            stored, key);
        return Optional.empty();
      }
      long length = header.getLong();
      int crc = header.getInt();
      if (length != size - HEADER_BYTES) {
        return ignored("it is truncated or padded (" + (size - HEADER_BYTES) + " payload bytes, " + length
            + " expected)");
      }
      if (length > Integer.MAX_VALUE - 16) {
        return ignored("its payload is too large to read (" + length + " bytes)");
      }
      ByteBuffer payload = readFully(channel, HEADER_BYTES, (int) length);
      CRC32C check = new CRC32C();
      check.update(payload.array(), 0, (int) length);
      if ((int) check.getValue() != crc) {
        return ignored("its checksum does not match: it is corrupt");
      }
      CatalogSnapshot snapshot = SnapshotCodec.read(payload);
      if (payload.hasRemaining() || snapshot.version() != key.version()) {
        return ignored("its content does not match its header");
      }
      return Optional.of(snapshot);
    } catch (IOException | RuntimeException e) {
      return ignored("it cannot be read: " + e);
    }
  }

  /**
   * Writes {@code snapshot}, compiled from the store at {@code key}, to a temporary file beside the file and moves
   * it into place. A failure leaves the old file (or none) and is logged, never thrown.
   */
  void save(CatalogSnapshot snapshot, StoreKey key) {
    Path temp = null;
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      // a process killed while writing leaves its temporary file: the next write clears it
      try (var leftovers = Files.newDirectoryStream(directory, file.getFileName() + "*.tmp")) {
        for (Path leftover : leftovers) {
          Files.deleteIfExists(leftover);
        }
      }
      temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.position(HEADER_BYTES);
        CRC32C crc = new CRC32C();
        OutputStream unclosed = new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
          @Override
          public void close() throws IOException {
            flush();
          }
        };
        try (DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
            new BufferedOutputStream(unclosed, 1 << 16), crc))) {
          SnapshotCodec.write(snapshot, out);
        }
        long length = channel.position() - HEADER_BYTES;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(SnapshotCodec.FORMAT_VERSION)
            .putLong(key.version()).put(key.storeState()).put(key.compiler()).putLong(length)
            .putInt((int) crc.getValue()).flip();
        while (header.hasRemaining()) {
          channel.write(header, header.position());
        }
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      LOG.info("Wrote the catalog snapshot of store version {} to {}", key.version(), file);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot write the catalog snapshot to {} ({}); the next start compiles it again", file, e.toString());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          LOG.debug("Cannot remove {}", temp, e);
        }
      }
    }
  }

  private Optional<CatalogSnapshot> ignored(String why) {
    LOG.warn("Ignoring the catalog snapshot in {}: {}; compiling the catalog again", file, why);
    return Optional.empty();
  }

  private static synchronized byte[] compiler() {
    if (compilerFingerprint == null) {
      compilerFingerprint = SnapshotCompiler.fingerprint();
    }
    return compilerFingerprint;
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("the file ended early");
      }
    }
    return buffer.flip();
  }

  private static byte[] bytes(ByteBuffer buffer, int n) {
    byte[] bytes = new byte[n];
    buffer.get(bytes);
    return bytes;
  }
}
