package io.cairn.labor.experiment;

/** Told how training and evaluation are going, so a terminal can show it. */
public interface TrainingProgress {
  /** A stage starts (or a one-line result to show). */
  void stage(String message);

  /** {@code done} of {@code total} units of the current stage are finished. */
  default void advance(long done, long total) {}

  /** Says nothing. */
  static TrainingProgress silent() {
    return message -> { };
  }
}
