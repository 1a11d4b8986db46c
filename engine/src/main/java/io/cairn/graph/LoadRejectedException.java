package io.cairn.graph;

import java.util.List;

/** A load broke the shapes and was refused whole; the store is as it was before. */
public final class LoadRejectedException extends RuntimeException {
  private final List<Violation> violations;

  public LoadRejectedException(List<Violation> violations) {
    super(violations.size() + " SHACL violation(s); nothing was loaded. First: " + violations.getFirst());
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
