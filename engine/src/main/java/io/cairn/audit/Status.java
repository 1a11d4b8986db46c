package io.cairn.audit;

/** How far a requirement (or a destination) is met, best first. */
public enum Status {
  SATISFIED,
  PARTIAL,
  MISSING;

  /** The better of the two. */
  public Status best(Status other) {
    return ordinal() <= other.ordinal() ? this : other;
  }

  /** True when this is at least as good as {@code other}. */
  public boolean atLeast(Status other) {
    return ordinal() <= other.ordinal();
  }
}
