package io.cairn.interop;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the standards' own files live: {@code standards/} under the shared third-party folder, read by path and
 * never copied into the project. The folder is the {@code cairn.shared} system property, else {@code $CAIRN_SHARED},
 * else {@code ../shared}.
 */
public final class SharedStandards {
  private final Path root;

  private SharedStandards(Path root) {
    this.root = root;
  }

  /** The standards folder named by the settings above. */
  public static SharedStandards fromSettings() {
    String shared = System.getProperty("cairn.shared");
    if (shared == null || shared.isBlank()) {
      shared = System.getenv("CAIRN_SHARED");
    }
    return at(Path.of(shared == null || shared.isBlank() ? "../shared" : shared).resolve("standards"));
  }

  /** The standards folder at {@code root} (the folder that holds {@code ctdl/}, {@code elm/}, ...). */
  public static SharedStandards at(Path root) {
    return new SharedStandards(root);
  }

  /** The standards folder. */
  public Path root() {
    return root;
  }

  /**
   * A file of the standards folder, such as {@code ctdl/schema/ctdl-context.json}.
   *
   * @throws StandardFormatException when it is missing, saying which setting points where
   */
  public Path file(String relative) {
    Path file = root.resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new StandardFormatException("the standards' file " + relative + " is not at " + file.toAbsolutePath()
          + "; point -Dcairn.shared (or $CAIRN_SHARED) at the shared folder that holds standards/");
    }
    return file;
  }
}
