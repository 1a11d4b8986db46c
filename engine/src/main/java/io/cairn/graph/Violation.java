package io.cairn.graph;

/**
 * One SHACL result: the node at fault, the property path, the offending value (may be empty), its severity
 * ({@code Violation} refuses a load, {@code Warning} does not) and a message that says what to fix.
 */
public record Violation(String focusNode, String path, String value, String severity, String message) {
  /** The severity of a result that refuses a load. */
  public static final String VIOLATION = "Violation";

  /** True when this result refuses a load; warnings do not. */
  public boolean refuses() {
    return VIOLATION.equals(severity);
  }

  @Override
  public String toString() {
    return focusNode + (path.isEmpty() ? "" : " " + path) + ": " + message
        + (value.isEmpty() ? "" : " (value: " + value + ")");
  }
}
