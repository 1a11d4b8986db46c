package io.cairn.graph;

/**
 * Another writer changed the shared store between this write's validation and its commit; the store kept the other
 * write and nothing of this one. Validating again against the new contents and retrying is safe.
 */
public final class StoreConflictException extends RuntimeException {
  public StoreConflictException(String message) {
    super(message);
  }
}
