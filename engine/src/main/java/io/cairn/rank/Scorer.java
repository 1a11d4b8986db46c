package io.cairn.rank;

/**
 * Scores one candidate: higher is better. A scorer only scores; candidates, constraints, diversity and
 * explanations are other classes' work, so a learned model can replace the transparent scorer without touching
 * anything else.
 */
public interface Scorer {

  /** The candidate's value toward the goal; any real number, comparable only within one request. */
  double score(Candidate candidate, ScoringContext context);

  /** A short name, reported with every recommendation list. */
  String name();
}
