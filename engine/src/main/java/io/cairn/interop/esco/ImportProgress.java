package io.cairn.interop.esco;

/** Told how an import is going, so a terminal can show it. Called from the importing thread. */
public interface ImportProgress {
  /** {@code rows} rows of {@code file} read so far; {@code done} once the file is finished. */
  void rows(String file, long rows, boolean done);

  /** The import is writing its provenance, validating and committing. */
  default void committing() {}

  /** Says nothing. */
  static ImportProgress silent() {
    return (file, rows, done) -> { };
  }
}
