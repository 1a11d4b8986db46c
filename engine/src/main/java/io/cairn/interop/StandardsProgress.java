package io.cairn.interop;

/** Told how an import of standards' documents is going, so a terminal can show it. */
@FunctionalInterface
public interface StandardsProgress {
  /** One step done or started, in words. */
  void step(String message);

  /** Says nothing. */
  static StandardsProgress silent() {
    return message -> { };
  }
}
