package io.cairn.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a persisted snapshot was compiled from, cheap enough to check at every start: the store's {@code version}
 * (bumped in every write transaction Cairn commits), a SHA-256 of the TDB2 directory's committed state
 * ({@code storeState}), and the {@linkplain SnapshotCompiler#fingerprint fingerprint} of the code that compiles
 * ({@code compiler}). A snapshot is used only when all three equal the store's at start.
 *
 * <p>Why the state catches every write, Cairn's or not ({@code tdb2.tdbupdate}, a Fuseki over the directory, a
 * program of one's own with Jena): TDB2 keeps its triples in copy-on-write B+trees and its RDF terms in an
 * append-only object file. A committed change, however small (one literal replaced by another of the same length),
 * writes new blocks and records each tree's new root and allocation limits in its {@code .bpt} state file, and the
 * object file's committed length in its {@code .bdf} file; blocks are not reused until a compaction, which moves
 * the store to a new {@code Data-NNNN} generation. The state hashes the generation's name, every {@code .bpt}
 * and {@code .bdf} file whole, the object files' length and last {@value #TAIL_BYTES} bytes (where the newest
 * terms are), and each tree's newest {@value #TAIL_BYTES} bytes of nodes and of records (the blocks just below
 * the limits its {@code .bpt} file records, where the latest commit wrote). So after any commit the state differs
 * from every state before it in the directory's history, and the version is only a second witness; and a copy of
 * the store that took other writes differs too, in the newest blocks, unless it took the very same writes. Reading
 * and opening the store write none of these files (a test checks it: a store closed and opened again has the same
 * key).
 *
 * <p>Nothing commits while a key is taken and its snapshot loaded or compiled: no other process can open the
 * directory while this one holds it (TDB2's process lock), and in this one every write goes through
 * {@link LiveCatalog}, whose lock {@link PersistedSnapshot#loadOrCompile} runs under. As a second guard, the key is
 * taken again after a compile and the snapshot written only when both agree, so a write made straight to the
 * {@link GraphStore} meanwhile costs a rebuild at the next start, never a stale file.
 *
 */
record StoreKey(long version, byte[] storeState, byte[] compiler) {
  private static final Pattern GENERATION = Pattern.compile("Data-\\d{4}");
  private static final int TAIL_BYTES = 64 * 1024;
  /** TDB2's block size. */
  private static final long BLOCK_BYTES = 8192;
  private static final List<String> WHOLE = List.of(".bpt", ".bdf");

  StoreKey {
    storeState = storeState.clone();
    compiler = compiler.clone();
  }

  /** The key of a store on disk now; empty for a store in memory or a mirror, which have no files to key on. */
  static Optional<StoreKey> of(GraphStore store, byte[] compiler) {
    if (store.directory().isEmpty()) {
      return Optional.empty();
    }
    byte[] state = tdbState(store.directory().get());
    return Optional.of(new StoreKey(store.version(), state, compiler));
  }

  /** SHA-256 of the committed state of the newest TDB2 generation under {@code directory} (see the class). */
  static byte[] tdbState(Path directory) {
    try {
      Path generation;
      try (var entries = Files.list(directory)) {
        generation = entries.filter(p -> Files.isDirectory(p) && GENERATION.matcher(p.getFileName().toString())
            .matches()).max(java.util.Comparator.comparing(p -> p.getFileName().toString()))
            .orElseThrow(() -> new IllegalStateException("no TDB2 generation in " + directory));
      }
      List<Path> files;
      try (var entries = Files.list(generation)) {
        files = entries.filter(Files::isRegularFile).sorted().toList();
      }
      MessageDigest sha = SnapshotCompiler.sha256();
      sha.update(generation.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean whole = WHOLE.stream().anyMatch(name::endsWith);
        if (whole || name.endsWith(".obj")) {
          sha.update(name.getBytes(StandardCharsets.UTF_8));
          byte[] bytes = whole ? Files.readAllBytes(file) : tail(file, Long.MAX_VALUE);
          sha.update(bytes);
          if (name.endsWith(".bpt")) {
            newestBlocks(sha, generation, name.substring(0, name.length() - 4), bytes);
          }
        }
      }
      return sha.digest();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the state of the store in " + directory, e);
    }
  }

  /**
   * The newest blocks of one B+tree: its {@code .bpt} state holds its root, then the block limits of its nodes
   * ({@code .idn}) and records ({@code .dat}); the {@link #TAIL_BYTES} below each limit are what the latest commits
   * wrote. A state that does not read so adds nothing (the state file itself is hashed whole anyway).
   */
  private static void newestBlocks(MessageDigest sha, Path generation, String tree, byte[] state) throws IOException {
    if (state.length < 24) {
      return;
    }
    ByteBuffer limits = ByteBuffer.wrap(state);
    long nodes = limits.getLong(8);
    long records = limits.getLong(16);
    for (var part : List.of(java.util.Map.entry(".idn", nodes), java.util.Map.entry(".dat", records))) {
      Path file = generation.resolve(tree + part.getKey());
      if (part.getValue() > 0 && part.getValue() < Long.MAX_VALUE / BLOCK_BYTES && Files.isRegularFile(file)) {
        sha.update(tail(file, part.getValue() * BLOCK_BYTES));
      }
    }
  }

  /** The file's length, then the {@link #TAIL_BYTES} bytes before {@code end} (or before its end, if sooner). */
  private static byte[] tail(Path file, long end) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = Math.min(channel.size(), end);
      int n = (int) Math.min(size, TAIL_BYTES);
      ByteBuffer buffer = ByteBuffer.allocate(8 + n).putLong(size);
      channel.position(size - n);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // read until the tail is in
      }
      return buffer.array();
    }
  }

  @Override
  public byte[] storeState() {
    return storeState.clone();
  }

  @Override
  public byte[] compiler() {
    return compiler.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoreKey k && version == k.version && Arrays.equals(storeState, k.storeState)
        && Arrays.equals(compiler, k.compiler);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(version) * 31 + Arrays.hashCode(storeState);
  }

  @Override
  public String toString() {
    return "version " + version + ", state " + HexFormat.of().formatHex(storeState, 0, 6) + ", compiler "
        + HexFormat.of().formatHex(compiler, 0, 6);
  }
}
