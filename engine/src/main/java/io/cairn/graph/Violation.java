package io.cairn.graph;

/**
 * One SHACL result: the node at fault, the property path, the offending value (may be empty) and a message
 * that says what to fix.
 */
public record Violation(String focusNode, String path, String value, String severity, String message) {
  @Override
  public String toString() {
    return focusNode + (path.isEmpty() ? "" : " " + path) + ": " + message
        + (value.isEmpty() ? "" : " (value: " + value + ")");
  }
}
