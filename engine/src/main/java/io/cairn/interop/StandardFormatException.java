package io.cairn.interop;

/**
 * A document cannot be read as the standard it claims to be (not JSON, no resource of the standard, a context
 * that is not available offline, ...); the message says what to fix. Nothing was imported.
 */
public class StandardFormatException extends RuntimeException {
  public StandardFormatException(String message) {
    super(message);
  }

  public StandardFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
