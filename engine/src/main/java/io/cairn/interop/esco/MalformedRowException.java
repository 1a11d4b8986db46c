package io.cairn.interop.esco;

/** A row of an ESCO file the importer cannot use; names the file and line. Aborts the import unless skipping. */
public final class MalformedRowException extends RuntimeException {
  private final String file;
  private final long line;

  public MalformedRowException(String file, long line, String reason) {
    super(file + ", line " + line + ": " + reason);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }
}
