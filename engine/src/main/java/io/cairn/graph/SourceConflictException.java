package io.cairn.graph;

/**
 * A load would replace a graph that another source put in the store (or name one graph twice); refused whole,
 * nothing was written. Replacing another source's graph must be asked for ({@link GraphStore.LoadMode#REPLACE}).
 */
public final class SourceConflictException extends RuntimeException {
  public SourceConflictException(String message) {
    super(message);
  }
}
