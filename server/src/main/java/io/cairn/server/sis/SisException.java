package io.cairn.server.sis;

/** The student information system could not be read: unreachable, refusing Cairn's credentials, or answering badly. */
public final class SisException extends RuntimeException {
  public SisException(String message) {
    super(message);
  }
}
