package io.cairn.graph;

/** The shared store (Fuseki) could not be reached or answered with an error; nothing was written by this call. */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
