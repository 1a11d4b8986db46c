package io.cairn.rank;

/** A question only a skill-value model can answer (a goal-free recommendation) asked of a recommender without one. */
public final class ModelRequiredException extends RuntimeException {
  public ModelRequiredException(String message) {
    super(message);
  }
}
