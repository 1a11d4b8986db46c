package io.cairn.interop.esco;

/**
 * Told how an import is going, so a terminal can show it. Called from the thread that reads the rows, which is
 * not the caller's (the caller's thread writes the store meanwhile): an implementation must be safe to call from
 * another thread.
 */
public interface ImportProgress {
  /** {@code rows} rows of {@code file} read so far; {@code done} once the file is finished. */
  void rows(String file, long rows, boolean done);

  /**
   * Every row is read: the import writes its provenance and checks the new graph against the shapes while the
   * store's writes finish, then commits.
   */
  default void committing() {}

  /** Says nothing. */
  static ImportProgress silent() {
    return (file, rows, done) -> { };
  }
}
