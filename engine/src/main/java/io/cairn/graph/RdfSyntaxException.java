package io.cairn.graph;

/** An RDF document could not be parsed; the message names the source and, where known, line and column. */
public final class RdfSyntaxException extends RuntimeException {
  private final String source;

  public RdfSyntaxException(String source, String detail) {
    super(source + ": " + detail);
    this.source = source;
  }

  public String source() {
    return source;
  }
}
